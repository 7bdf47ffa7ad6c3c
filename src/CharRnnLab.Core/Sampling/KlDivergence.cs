namespace CharRnnLab.Core.Sampling;

/// <summary>KL divergence between two next-symbol distributions given as logits, in nats.</summary>
public static class KlDivergence
{
    /// <summary>
    /// KL(p ‖ q) = Σ p·(log p − log q) with p = softmax(<paramref name="p"/>), q = softmax(<paramref name="q"/>)
    /// (V each), from log-softmaxes in double, so a tiny q gives a large finite term, never ∞.
    /// </summary>
    public static double FromLogits(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        if (p.Length != q.Length) throw new ArgumentException($"p has {p.Length} logits, q has {q.Length}.");
        double logZp = LogSumExp(p), logZq = LogSumExp(q), kl = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double logP = p[i] - logZp;
            kl += Math.Exp(logP) * (logP - (q[i] - logZq));
        }
        return Math.Max(0, kl); // rounding can leave −1e-17 for identical inputs
    }

    private static double LogSumExp(ReadOnlySpan<float> x)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (float v in x) max = Math.Max(max, v);
        foreach (float v in x) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
