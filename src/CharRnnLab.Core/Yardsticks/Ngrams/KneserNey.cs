using CharRnnLab.Core.Yardsticks.Index;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>
/// Interpolated Kneser–Ney (one discount per order, docs/yardsticks.md gives the formulas) over an
/// <see cref="NgramIndex"/>. The highest order of a model uses counts c(u w); every lower order uses
/// continuation counts N1+(· u w); the base is uniform over the vocabulary, so a symbol never seen
/// in training still gets a probability. A history shorter than the context uses what there is.
/// Holds count caches: one instance per thread.
/// </summary>
public sealed class KneserNey
{
    private readonly NgramIndex _index;
    private readonly SuffixIndex _r;
    private readonly NgramCounter _counter;

    public KneserNey(NgramIndex index)
    {
        _index = index;
        _r = index.Reversed;
        _counter = new NgramCounter(index.Reversed);
    }

    public NgramIndex Index => _index;

    /// <summary>
    /// p[k − 1] = P_k(<paramref name="target"/> | <paramref name="history"/>) for the models of order
    /// k = 1..p.Length, all in one pass: they share their lower orders.
    /// </summary>
    public void ProbabilitiesByOrder(ReadOnlySpan<int> history, int target, Span<double> p)
    {
        if (p.Length is < 1 or > NgramIndex.MaxOrder)
            throw new ArgumentOutOfRangeException(nameof(p), $"orders 1..{NgramIndex.MaxOrder} (got {p.Length})");
        var context = _r.All;                     // rows of u reversed; u = the last j symbols of the history
        var gram = _r.Extend(_r.All, 0, target);  // rows of (u w) reversed = w, u[^1], u[^2], …
        double lower = 1.0 / _index.Vocabulary;   // P_{j−1}(w | shorter u), continuation counts
        for (int j = 0; j < p.Length; j++)
        {
            var counts = _counter.Context(context, j);
            double d = _index.Discounts[j + 1];
            p[j] = counts.Followed == 0 ? lower
                : (Math.Max(gram.Count - d, 0) + d * counts.DistinctNext * lower) / counts.Followed;
            if (j + 1 == p.Length) return;
            if (j == history.Length || context.IsEmpty)
            {
                p[(j + 1)..].Fill(p[j]); // no longer context to condition on
                return;
            }
            lower = counts.DistinctPairs == 0 ? lower
                : (Math.Max(_counter.DistinctPrevious(gram, j + 1) - d, 0) + d * counts.ContinuedNext * lower) / counts.DistinctPairs;
            int before = history[^(j + 1)];
            context = _r.Extend(context, j, before);
            gram = _r.Extend(gram, j + 1, before);
        }
    }

    /// <summary>P_order(<paramref name="target"/> | <paramref name="history"/>).</summary>
    public double Probability(ReadOnlySpan<int> history, int target, int order)
    {
        Span<double> p = stackalloc double[order];
        ProbabilitiesByOrder(history, target, p);
        return p[order - 1];
    }

    /// <summary>The whole conditional distribution of the order-<paramref name="order"/> model: p (V), sums to 1.</summary>
    public void Distribution(ReadOnlySpan<int> history, int order, Span<double> p)
    {
        for (int w = 0; w < p.Length; w++) p[w] = Probability(history, w, order);
    }
}
