using System.Globalization;

namespace CharRnnLab.Core.Settings;

/// <summary>A number with inclusive limits (or an exclusive lower one); <see cref="Integer"/> ones must be whole.</summary>
public sealed class NumberSetting : Setting
{
    public required double Min { get; init; }
    public required double Max { get; init; }
    /// <summary>The value must be above <see cref="Min"/>, not equal to it.</summary>
    public bool MinExclusive { get; init; }
    public bool Integer { get; init; }
    /// <summary>What a special value means, e.g. "0 = one-hot" (null: none).</summary>
    public string? Special { get; init; }
    /// <summary>Arrow-key step in a form.</summary>
    public double Step { get; init; } = 1;
    public required Func<RunConfig, double> Get { get; init; }
    public required Func<RunConfig, double, RunConfig> With { get; init; }

    public override string Format(RunConfig config) => Invariant(Get(config));

    public override string Bounds =>
        (MinExclusive ? $"above {Invariant(Min)} and at most {Invariant(Max)}" : $"between {Invariant(Min)} and {Invariant(Max)}") +
        (Special is null ? "" : $" ({Special})");

    public override string? Check(RunConfig config) => Problem(Get(config));

    /// <summary>Why <paramref name="value"/> is not allowed, or null when it is.</summary>
    public string? Problem(double value)
    {
        bool ok = double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max &&
                  (!Integer || Math.Floor(value) == value);
        return ok ? null : $"{Label} must be {(Integer ? "a whole number " : "")}{Bounds} (got {Invariant(value)}).";
    }

    public override RunConfig Parse(RunConfig config, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new ConfigException($"{Label} must be a number {Bounds} (got '{text}').");
        if (Problem(value) is { } message) throw new ConfigException(message);
        return With(config, value);
    }
}
