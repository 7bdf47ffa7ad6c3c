using System.Runtime.CompilerServices;

namespace CharRnnLab.Core.Sampling;

/// <summary>Softmax with temperature and top-k, drawing, and top-N lists over plain arrays.</summary>
public static class Distribution
{
    /// <summary>
    /// p = softmax(logits / T) restricted to the <paramref name="topK"/> largest logits (0 = all).
    /// T = 0 (greedy) reports the plain softmax (T = 1), so the probabilities stay meaningful.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ReadOnlySpan<float> logits, double temperature, int topK, Span<float> p)
    {
        double t = temperature > 0 ? temperature : 1.0;
        float cutoff = topK > 0 && topK < logits.Length ? KthLargest(logits, topK) : float.NegativeInfinity;
        float max = float.NegativeInfinity;
        foreach (float l in logits) max = MathF.Max(max, l);
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double e = logits[i] >= cutoff ? Math.Exp((logits[i] - max) / t) : 0;
            p[i] = (float)e;
            sum += e;
        }
        for (int i = 0; i < p.Length; i++) p[i] = (float)(p[i] / sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ArgMax(ReadOnlySpan<float> p)
    {
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /// <summary>Draws an index with probability p[i] (inverse CDF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Draw(ReadOnlySpan<float> p, Random random)
    {
        double u = random.NextDouble(), acc = 0;
        int last = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] <= 0) continue;
            acc += p[i];
            last = i;
            if (u < acc) return i;
        }
        return last; // rounding left u just above the total
    }

    /// <summary>The <paramref name="n"/> most probable entries, most probable first (ties: the lower index first).
    /// A partial insertion sort into n slots, not a sort of all V entries: it runs once per generated symbol.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<Candidate> Top(float[] p, int n, Func<int, string> symbol)
    {
        n = Math.Min(n, p.Length);
        if (n <= 0) return [];
        Span<int> top = stackalloc int[n];
        int filled = 0;
        for (int i = 0; i < p.Length; i++)
        {
            // CompareTo orders NaN below every number, as a sort by probability would.
            int at = filled;
            while (at > 0 && p[i].CompareTo(p[top[at - 1]]) > 0) at--;
            if (at >= n) continue;
            for (int j = Math.Min(filled, n - 1); j > at; j--) top[j] = top[j - 1];
            top[at] = i;
            if (filled < n) filled++;
        }
        var candidates = new Candidate[n];
        for (int k = 0; k < n; k++) candidates[k] = new Candidate(symbol(top[k]), p[top[k]]);
        return candidates;
    }

    private static float KthLargest(ReadOnlySpan<float> values, int k)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return copy[^k];
    }
}
