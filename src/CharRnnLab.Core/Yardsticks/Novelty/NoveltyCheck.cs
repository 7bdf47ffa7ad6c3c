using System.Text;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Core.Yardsticks.Novelty;

/// <summary>
/// Finds what a sample copies from the training split, with the n-gram index of the corpus (the
/// split reversed, so a piece of the sample ending at i grows to the left a symbol at a time:
/// the longest piece ending at each i costs its length, not the text's). Immutable; thread-safe.
/// </summary>
public sealed class NoveltyCheck(NgramIndex index, Vocabulary vocabulary)
{
    /// <summary>Copied pieces shorter than this are not counted (the 20 characters).</summary>
    public const int DefaultMinSpan = 20;

    private readonly LineIndex _lines = new(index, vocabulary);

    /// <summary>The check against a corpus's training split, its index from the n-gram cache.</summary>
    public static NoveltyCheck For(Corpus corpus, double validationFraction) =>
        new(NgramBaselines.Open(corpus, validationFraction).Index, corpus.Vocabulary);

    public NoveltyReport Measure(string sample, int minSpan = DefaultMinSpan)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (minSpan < 1) throw new ConfigException($"copied pieces must be at least 1 symbol long (got {minSpan}).");
        int[] symbols = Encode(sample);
        int[] longestEndingAt = LongestEndingAt(symbols);
        var longest = Longest(longestEndingAt);
        var copied = CopiedSpans(longestEndingAt, minSpan);
        var (lines, novel) = _lines.Count(sample);
        return new NoveltyReport(symbols.Length, longest, Slice(sample, longest), minSpan, copied,
            symbols.Length == 0 ? 0 : copied.Sum(s => s.Length) / (double)symbols.Length, lines, novel);
    }

    /// <summary>The sample as symbol ids; a symbol the corpus lacks is −1, which nothing matches.</summary>
    private int[] Encode(string sample) =>
        sample.EnumerateRunes().Select(r => vocabulary.TryGetIndex(r, out int i) ? i : -1).ToArray();

    /// <summary>m[i]: length of the longest piece of the sample ending at i that occurs in the training split.</summary>
    private int[] LongestEndingAt(int[] symbols)
    {
        var r = index.Reversed;
        var m = new int[symbols.Length];
        for (int i = 0; i < symbols.Length; i++)
        {
            var range = r.All;
            int length = 0;
            while (length <= i && symbols[i - length] >= 0)
            {
                range = r.Extend(range, length, symbols[i - length]);
                if (range.IsEmpty) break;
                length++;
            }
            m[i] = length;
        }
        return m;
    }

    private static CopiedSpan Longest(int[] m)
    {
        int best = -1;
        for (int i = 0; i < m.Length; i++) if (best < 0 || m[i] > m[best]) best = i;
        return best < 0 ? new CopiedSpan(0, 0) : new CopiedSpan(best - m[best] + 1, m[best]);
    }

    /// <summary>The union of the pieces of ≥ <paramref name="minSpan"/> symbols, as disjoint spans in order.</summary>
    private static List<CopiedSpan> CopiedSpans(int[] m, int minSpan)
    {
        var spans = new List<CopiedSpan>();
        int start = -1, end = -1; // the span being grown: [start, end)
        for (int i = 0; i < m.Length; i++)
        {
            if (m[i] < minSpan) continue;
            int s = i - m[i] + 1;
            if (s < end) { start = Math.Min(start, s); end = i + 1; continue; } // overlaps the open span (touching ones stay apart)
            if (end > 0) spans.Add(new CopiedSpan(start, end - start));
            (start, end) = (s, i + 1);
        }
        if (end > 0) spans.Add(new CopiedSpan(start, end - start));
        return spans;
    }

    private static string Slice(string sample, CopiedSpan span)
    {
        var text = new StringBuilder();
        foreach (var rune in sample.EnumerateRunes().Skip(span.Start).Take(span.Length)) text.Append(rune.ToString());
        return text.ToString();
    }
}
