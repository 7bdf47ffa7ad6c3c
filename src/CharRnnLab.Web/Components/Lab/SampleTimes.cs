using System.Globalization;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>When a run takes its training samples, in words, for the timeline's hints and labels.</summary>
public static class SampleTimes
{
    /// <summary>"every 100 iterations", "at iterations 100, 300 and 2,000", both joined by "and", or null when the run takes none.</summary>
    public static string? Describe(int sampleEvery, SampleSchedule sampleAt)
    {
        string? every = sampleEvery > 0 ? $"every {Number(sampleEvery)} iterations" : null;
        string? at = sampleAt.IsEmpty ? null : $"at iteration{(sampleAt.Iterations.Count > 1 ? "s" : "")} {List(sampleAt.Iterations)}";
        return (every, at) switch
        {
            (null, null) => null,
            ({ } e, null) => e,
            (null, { } a) => a,
            ({ } e, { } a) => $"{e} and {a}",
        };
    }

    private static string List(IReadOnlyList<int> iterations) => iterations.Count == 1
        ? Number(iterations[0])
        : $"{string.Join(", ", iterations.SkipLast(1).Select(Number))} and {Number(iterations[^1])}";

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
