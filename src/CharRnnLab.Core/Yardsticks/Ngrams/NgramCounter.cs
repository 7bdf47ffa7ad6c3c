using CharRnnLab.Core.Yardsticks.Index;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>
/// Counts of contexts and n-grams read off the index of the reversed training text r: a string s
/// of t occurs where s reversed occurs in r, the symbol after s in t is the one before it in r, and
/// the symbol before s in t is the one after it in r. Counts come from scanning a pattern's rows;
/// ranges larger than <see cref="CacheAbove"/> rows are remembered, and since same-length patterns
/// have disjoint ranges the scans of one length cost at most n in all. Not thread-safe: one per thread.
/// </summary>
internal sealed class NgramCounter
{
    private const int CacheAbove = 48;

    private readonly SuffixIndex _reversed;
    private readonly int _v;
    private readonly Dictionary<long, ContextCounts> _contexts = [];
    private readonly Dictionary<long, int> _previous = [];
    private readonly int[] _nextSeen, _continuedSeen, _previousSeen;
    private int[]? _pairSeen; // (V · V), allocated by the first pair scan
    private int _stamp;

    public NgramCounter(SuffixIndex reversed)
    {
        _reversed = reversed;
        _v = reversed.Alphabet;
        _nextSeen = new int[_v];
        _continuedSeen = new int[_v];
        _previousSeen = new int[_v];
    }

    /// <summary>The counts of the context whose reversal has rows <paramref name="range"/> and <paramref name="length"/> symbols.</summary>
    public ContextCounts Context(SymbolRange range, int length)
    {
        if (range.IsEmpty) return default;
        if (range.Count <= CacheAbove) return ScanContext(range, length);
        long key = Key(range, length);
        if (!_contexts.TryGetValue(key, out var counts)) _contexts[key] = counts = ScanContext(range, length);
        return counts;
    }

    /// <summary>N1+(· s): distinct symbols before s in t, for s of <paramref name="length"/> symbols whose reversal has rows <paramref name="range"/>.</summary>
    public int DistinctPrevious(SymbolRange range, int length)
    {
        if (range.IsEmpty) return 0;
        if (range.Count <= CacheAbove) return ScanPrevious(range, length);
        long key = Key(range, length);
        if (!_previous.TryGetValue(key, out int count)) _previous[key] = count = ScanPrevious(range, length);
        return count;
    }

    private static long Key(SymbolRange range, int length) => ((long)length << 32) | (uint)range.Start;

    private ContextCounts ScanContext(SymbolRange range, int length)
    {
        int stamp = ++_stamp;
        _pairSeen ??= new int[_v * _v];
        int[] r = _reversed.Text, sa = _reversed.Suffixes;
        int n = r.Length, followed = 0, next = 0, pairs = 0, continued = 0;
        for (int row = range.Start; row <= range.End; row++)
        {
            // The empty context also occurs at the end of r (before t's first symbol), a row the array lacks.
            int p = row < range.End ? sa[row] : length == 0 ? n : -1;
            if (p <= 0) continue;
            int w = r[p - 1];
            followed++;
            if (_nextSeen[w] != stamp) { _nextSeen[w] = stamp; next++; }
            if (p + length >= n) continue;
            int pair = w * _v + r[p + length];
            if (_pairSeen[pair] != stamp) { _pairSeen[pair] = stamp; pairs++; }
            if (_continuedSeen[w] != stamp) { _continuedSeen[w] = stamp; continued++; }
        }
        return new ContextCounts(followed, next, pairs, continued);
    }

    private int ScanPrevious(SymbolRange range, int length)
    {
        int stamp = ++_stamp;
        int[] r = _reversed.Text, sa = _reversed.Suffixes;
        int count = 0;
        for (int row = range.Start; row < range.End; row++)
        {
            int p = sa[row] + length;
            if (p >= r.Length) continue;
            if (_previousSeen[r[p]] != stamp) { _previousSeen[r[p]] = stamp; count++; }
        }
        return count;
    }
}
