namespace CharRnnLab.Core.Analysis.Cells;

/// <summary>
/// The positions of a series' k largest values such that no two are closer than a given distance:
/// greedily the largest remaining value, then everything near it is ruled out. So windows of
/// context around the peaks never overlap, and one long stretch of high values (a whole quotation)
/// gives one snippet, not ten neighbouring ones.
/// </summary>
public static class PeakWindows
{
    /// <param name="values">The series (one value per position).</param>
    /// <param name="k">Peaks wanted (fewer when the series is short).</param>
    /// <param name="separation">Two peaks lie more than this many positions apart.</param>
    /// <param name="lowest">Take the smallest values instead of the largest.</param>
    /// <returns>Peak positions, most extreme first; equal values: the earlier position first.</returns>
    public static IReadOnlyList<int> Top(float[] values, int k, int separation, bool lowest = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(separation);
        // OrderBy is stable: equal values keep their positions' order.
        var order = lowest ? Enumerable.Range(0, values.Length).OrderBy(t => values[t])
            : Enumerable.Range(0, values.Length).OrderByDescending(t => values[t]);

        var peaks = new List<int>(k);
        var ruledOut = new bool[values.Length];
        foreach (int t in order)
        {
            if (peaks.Count == k) break;
            if (ruledOut[t]) continue;
            peaks.Add(t);
            int from = Math.Max(0, t - separation), to = Math.Min(values.Length - 1, t + separation);
            for (int i = from; i <= to; i++) ruledOut[i] = true;
        }
        return peaks;
    }
}
