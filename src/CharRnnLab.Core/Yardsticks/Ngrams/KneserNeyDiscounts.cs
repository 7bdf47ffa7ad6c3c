using CharRnnLab.Core.Yardsticks.Index;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>
/// One absolute discount per n-gram length, D_k = n1 / (n1 + 2·n2) (Ney, Essen and Kneser, 1994),
/// with n_r the number of distinct k-grams seen exactly r times in the training text; 0.5 when no
/// k-gram is seen once. Count-of-counts come from the LCP array: the suffixes that start with one
/// k-gram are a run of rows whose neighbours share ≥ k symbols.
/// </summary>
public static class KneserNeyDiscounts
{
    public const double WithoutSingletons = 0.5;

    /// <summary>D[k] for k = 1..<paramref name="maxLength"/> (D[0] is unused, 0).</summary>
    public static double[] Estimate(SuffixIndex index, int maxLength)
    {
        var lcp = LcpArray.Build(index.Text, index.Suffixes);
        var (once, twice) = CountOfCounts(index, lcp, maxLength);
        var d = new double[maxLength + 1];
        for (int k = 1; k <= maxLength; k++)
            d[k] = once[k] > 0 ? once[k] / (once[k] + 2.0 * twice[k]) : WithoutSingletons;
        return d;
    }

    /// <summary>n1[k] and n2[k]: distinct k-grams that occur once and twice.</summary>
    private static (long[] Once, long[] Twice) CountOfCounts(SuffixIndex index, int[] lcp, int maxLength)
    {
        var once = new long[maxLength + 1];
        var twice = new long[maxLength + 1];
        var run = new int[maxLength + 1]; // rows so far in the current k-gram's run
        int n = index.Length;
        for (int row = 0; row <= n; row++)
        {
            int shared = row < n ? lcp[row] : 0;
            int suffixLength = row < n ? n - index.Suffixes[row] : 0;
            for (int k = 1; k <= maxLength; k++)
            {
                if (row > 0 && shared >= k) { run[k]++; continue; }
                if (run[k] == 1) once[k]++;
                else if (run[k] == 2) twice[k]++;
                run[k] = suffixLength >= k ? 1 : 0;
            }
        }
        return (once, twice);
    }
}
