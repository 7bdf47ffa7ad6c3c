using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Settings;

/// <summary>A list of iterations (a <see cref="SampleSchedule"/>), written "100,300,500", each within limits, at most <see cref="MaxCount"/>.</summary>
public sealed class ScheduleSetting : Setting
{
    /// <summary>The first iteration allowed.</summary>
    public required int Min { get; init; }
    /// <summary>The last iteration allowed.</summary>
    public required int Max { get; init; }
    /// <summary>How many iterations a schedule may name.</summary>
    public required int MaxCount { get; init; }
    public required Func<RunConfig, SampleSchedule> Get { get; init; }
    public required Func<RunConfig, SampleSchedule, RunConfig> With { get; init; }

    public override string Format(RunConfig config) => Get(config).ToString();

    public override string Bounds =>
        $"up to {MaxCount} iterations between {Min} and {Invariant(Max)} separated by commas, e.g. 100,300,500 ({SampleSchedule.NoneText} = no schedule)";

    public override string? Check(RunConfig config) => Problem(Get(config));

    /// <summary>Why <paramref name="schedule"/> is not allowed, or null when it is.</summary>
    public string? Problem(SampleSchedule schedule)
    {
        if (schedule.Iterations.Count > MaxCount)
            return $"{Label} names at most {MaxCount} iterations (got {schedule.Iterations.Count}).";
        int? outside = schedule.Iterations.Cast<int?>().FirstOrDefault(i => i < Min || i > Max);
        return outside is { } bad ? $"{Label} takes iterations between {Min} and {Invariant(Max)} (got {bad})." : null;
    }

    /// <summary>The schedule <paramref name="text"/> gives, or a <see cref="ConfigException"/> naming the setting and what to write.</summary>
    public SampleSchedule Read(string text)
    {
        SampleSchedule schedule;
        try { schedule = SampleSchedule.Parse(text); }
        catch (FormatException e) { throw new ConfigException($"{Label} must be {Bounds}: {e.Message} (got '{text}')."); }
        if (Problem(schedule) is { } message) throw new ConfigException(message);
        return schedule;
    }

    public override RunConfig Parse(RunConfig config, string text) => With(config, Read(text));
}
