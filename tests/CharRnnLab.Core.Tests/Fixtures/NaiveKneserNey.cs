namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>
/// Interpolated Kneser–Ney written straight from the formulas in docs/yardsticks.md, every count by
/// scanning the text: slow, obviously right, the reference the suffix-array model is checked against.
/// </summary>
internal sealed class NaiveKneserNey(int[] text, int vocabulary)
{
    public double[] Discounts { get; } = Enumerable.Range(0, 21).Select(k => k == 0 ? 0 : Discount(text, k)).ToArray();

    public double Probability(int[] history, int w, int order)
    {
        int[] u = history[Math.Max(0, history.Length - (order - 1))..];
        int followed = Count(u, withNext: true);
        if (followed == 0) return Lower(u, w);
        double d = Discounts[u.Length + 1];
        int distinctNext = Enumerable.Range(0, vocabulary).Count(x => Count([.. u, x]) > 0);
        return (Math.Max(Count([.. u, w]) - d, 0) + d * distinctNext * Lower(u, w)) / followed;
    }

    // The level below context u: u without its oldest symbol, by continuation counts; uniform below the empty context.
    private double Lower(int[] u, int w) => u.Length == 0 ? 1.0 / vocabulary : Continuation(u[1..], w);

    private double Continuation(int[] v, int w)
    {
        int pairs = 0, continued = 0;
        for (int x = 0; x < vocabulary; x++)
        {
            int before = DistinctBefore([.. v, x]);
            pairs += before;
            if (before > 0) continued++;
        }
        if (pairs == 0) return Lower(v, w);
        double d = Discounts[v.Length + 1];
        return (Math.Max(DistinctBefore([.. v, w]) - d, 0) + d * continued * Lower(v, w)) / pairs;
    }

    private int DistinctBefore(int[] s) =>
        Enumerable.Range(1, Math.Max(0, text.Length - s.Length)).Where(p => Matches(s, p)).Select(p => text[p - 1]).Distinct().Count();

    // Occurrences of s; withNext: only those with a symbol after them.
    private int Count(int[] s, bool withNext = false) =>
        Enumerable.Range(0, text.Length - s.Length + 1).Count(p => Matches(s, p) && (!withNext || p + s.Length < text.Length));

    private bool Matches(int[] s, int p) => p >= 0 && p + s.Length <= text.Length && text.AsSpan(p, s.Length).SequenceEqual(s);

    private static double Discount(int[] text, int k)
    {
        var counts = Enumerable.Range(0, Math.Max(0, text.Length - k + 1))
            .GroupBy(p => string.Join(",", text.AsSpan(p, k).ToArray())).Select(g => g.Count()).ToList();
        int n1 = counts.Count(c => c == 1), n2 = counts.Count(c => c == 2);
        return n1 > 0 ? n1 / (n1 + 2.0 * n2) : 0.5;
    }
}
