namespace CharRnnLab.Core.Settings;

/// <summary>One of a few words (lower case), e.g. lstm|gru|rnn.</summary>
public sealed class ChoiceSetting : Setting
{
    public required IReadOnlyList<string> Choices { get; init; }
    public required Func<RunConfig, string> Get { get; init; }
    /// <summary>Replaces the value; given only one of <see cref="Choices"/>.</summary>
    public required Func<RunConfig, string, RunConfig> With { get; init; }

    public override string Format(RunConfig config) => Get(config);

    public override string Bounds => $"one of {string.Join("|", Choices)}";

    public override string? Check(RunConfig config) => Problem(Get(config));

    /// <summary>Why <paramref name="value"/> is not one of the choices, or null when it is.</summary>
    public string? Problem(string? value) =>
        value is not null && Choices.Contains(value.Trim().ToLowerInvariant()) ? null : $"{Label} must be {Bounds} (got '{value}').";

    public override RunConfig Parse(RunConfig config, string text)
    {
        if (Problem(text) is { } message) throw new ConfigException(message);
        return With(config, text.Trim().ToLowerInvariant());
    }
}
