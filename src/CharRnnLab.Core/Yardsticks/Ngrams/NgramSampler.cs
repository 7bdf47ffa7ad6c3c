using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>How to sample from an n-gram model.</summary>
/// <param name="Order">n: each symbol is drawn given the n − 1 before it.</param>
/// <param name="Length">Symbols to generate.</param>
/// <param name="Temperature">p^(1/T), renormalised; 0 takes the most likely symbol.</param>
/// <param name="Unsmoothed">Goldberg's maximum-likelihood model instead of Kneser–Ney.</param>
/// <param name="Seed">Random seed; null picks one.</param>
public sealed record NgramSampleOptions(int Order, int Length, double Temperature = 1.0, bool Unsmoothed = false, int? Seed = null);

/// <summary>
/// Generates text from an n-gram model. Smoothed: Kneser–Ney. Unsmoothed (Goldberg, 2015):
/// P(w | u) = c(u w) / c(u ·) for the longest context u of at most n − 1 symbols that was seen
/// followed by something, so with a high order it copies the training text in long runs.
/// </summary>
public sealed class NgramSampler(NgramIndex index, Vocabulary vocabulary)
{
    private readonly KneserNey _smoothed = new(index);
    private readonly int _wholeRow = Array.IndexOf(index.Reversed.Suffixes, 0); // the row of r itself, t's last symbols

    public string Generate(NgramSampleOptions options)
    {
        if (options.Order is < 1 or > NgramIndex.MaxOrder)
            throw new ConfigException($"The n-gram order must be between 1 and {NgramIndex.MaxOrder} (got {options.Order}).");
        if (vocabulary.Count != index.Vocabulary)
            throw new ArgumentException($"the vocabulary has {vocabulary.Count} symbols, the index {index.Vocabulary}", nameof(vocabulary));
        var random = options.Seed is int seed ? new Random(seed) : new Random();
        var text = new List<int>(options.Length);
        var p = new double[index.Vocabulary];
        for (int i = 0; i < options.Length; i++)
        {
            var history = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text);
            history = history[Math.Max(0, history.Length - options.Order + 1)..];
            if (options.Unsmoothed) MaximumLikelihood(history, p);
            else _smoothed.Distribution(history, options.Order, p);
            text.Add(Draw(p, options.Temperature, random));
        }
        return vocabulary.Decode(text);
    }

    /// <summary>p(w) = c(u w) / c(u ·) for the longest suffix u of the history seen followed by a symbol.</summary>
    public void MaximumLikelihood(ReadOnlySpan<int> history, Span<double> p)
    {
        int length = LongestFollowedContext(history);
        var pattern = new int[length + 1]; // (u w) reversed: w, u[^1], u[^2], …
        for (int k = 1; k <= length; k++) pattern[k] = history[^k];
        double total = 0;
        for (int w = 0; w < p.Length; w++)
        {
            pattern[0] = w;
            total += p[w] = index.Reversed.Find(pattern).Count;
        }
        for (int w = 0; w < p.Length; w++) p[w] /= total;
    }

    private int LongestFollowedContext(ReadOnlySpan<int> history)
    {
        var r = index.Reversed;
        var context = r.All;
        int longest = 0;
        for (int j = 0; j < history.Length; j++)
        {
            context = r.Extend(context, j, history[^(j + 1)]);
            // Occurrences of u followed by a symbol: all but the one at the end of t (row of r's whole suffix).
            int followed = context.Count - (context.Start <= _wholeRow && _wholeRow < context.End ? 1 : 0);
            if (followed == 0) break;
            longest = j + 1;
        }
        return longest;
    }

    private static int Draw(double[] p, double temperature, Random random)
    {
        if (temperature == 0) return Array.IndexOf(p, p.Max());
        var scaled = new float[p.Length];
        double sum = 0;
        for (int w = 0; w < p.Length; w++) sum += p[w] > 0 ? Math.Pow(p[w], 1 / temperature) : 0;
        for (int w = 0; w < p.Length; w++) scaled[w] = p[w] > 0 ? (float)(Math.Pow(p[w], 1 / temperature) / sum) : 0;
        return Sampling.Distribution.Draw(scaled, random);
    }
}
