using System.Numerics;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>Per-unit tallies of how often a row of values lies beyond a threshold (SIMD).</summary>
internal static class ThresholdCounts
{
    /// <summary>Adds 1 to <paramref name="counts"/>[u] for every u where row[u] &gt; threshold.</summary>
    public static void AddAbove(ReadOnlySpan<float> row, float threshold, Span<int> counts) =>
        Add(row, threshold, counts, above: true);

    /// <summary>Adds 1 to <paramref name="counts"/>[u] for every u where row[u] &lt; threshold.</summary>
    public static void AddBelow(ReadOnlySpan<float> row, float threshold, Span<int> counts) =>
        Add(row, threshold, counts, above: false);

    // Vector comparisons give −1 where true, so subtracting them counts.
    private static void Add(ReadOnlySpan<float> row, float threshold, Span<int> counts, bool above)
    {
        var limit = new Vector<float>(threshold);
        int width = Vector<float>.Count, u = 0;
        for (; u <= row.Length - width; u += width)
        {
            var x = new Vector<float>(row[u..]);
            var beyond = above ? Vector.GreaterThan(x, limit) : Vector.LessThan(x, limit);
            (new Vector<int>(counts[u..]) - beyond).CopyTo(counts[u..]);
        }
        for (; u < row.Length; u++)
            if (above ? row[u] > threshold : row[u] < threshold) counts[u]++;
    }
}
