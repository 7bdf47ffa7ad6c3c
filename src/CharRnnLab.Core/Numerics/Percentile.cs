namespace CharRnnLab.Core.Numerics;

/// <summary>Percentiles by linear interpolation between the closest ranks (NumPy's default): the p-th
/// percentile of n sorted values x is x[i] + f · (x[i+1] − x[i]) with i + f = p / 100 · (n − 1).</summary>
public static class Percentile
{
    /// <param name="sorted">The values, ascending.</param>
    /// <param name="p">0 … 100.</param>
    public static float OfSorted(ReadOnlySpan<float> sorted, double p)
    {
        if (sorted.Length == 0) throw new ArgumentException("There are no values to take a percentile of.", nameof(sorted));
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        double rank = p / 100 * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        if (below >= sorted.Length - 1) return sorted[^1];
        double fraction = rank - below;
        return (float)(sorted[below] + fraction * ((double)sorted[below + 1] - sorted[below]));
    }
}
