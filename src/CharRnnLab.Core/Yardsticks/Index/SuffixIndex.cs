namespace CharRnnLab.Core.Yardsticks.Index;

/// <summary>
/// A text of symbol ids and its suffix array: the occurrences of any pattern are one range of
/// rows, found a symbol at a time (<see cref="Extend"/>), so patterns that grow by one symbol on the
/// right cost O(log n) per symbol. Immutable; safe to read from several threads.
/// </summary>
public sealed class SuffixIndex
{
    public SuffixIndex(int[] text, int alphabet) : this(text, alphabet, SuffixArray.Build(text, alphabet)) { }

    /// <summary>An index whose suffix array is already known (read back from a cache); it is checked.</summary>
    public SuffixIndex(int[] text, int alphabet, int[] suffixes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(suffixes);
        if (suffixes.Length != text.Length)
            throw new ArgumentException($"the suffix array has {suffixes.Length} rows for a text of {text.Length} symbols", nameof(suffixes));
        Text = text;
        Alphabet = alphabet;
        Suffixes = suffixes;
        (_first, _second) = PrefixRanges();
    }

    /// <summary>Most (first, second) symbol pairs whose ranges are tabulated: 8 MB of table.</summary>
    private const int MaxPairs = 1 << 20;

    // The ranges of every one- and two-symbol pattern: the first binary searches are the slow ones
    // (a row and a text symbol, both far apart in memory, per step).
    private readonly SymbolRange[] _first;
    private readonly SymbolRange[]? _second; // (V · V), null for a large alphabet

    /// <summary>The indexed text, symbols 0..<see cref="Alphabet"/> − 1.</summary>
    public int[] Text { get; }
    public int Alphabet { get; }
    /// <summary>Suffix array: row i holds the start of the i-th smallest suffix.</summary>
    public int[] Suffixes { get; }
    public int Length => Text.Length;
    /// <summary>The range of the empty pattern: every row.</summary>
    public SymbolRange All => new(0, Text.Length);
    /// <summary>Bytes held by the text and the suffix array.</summary>
    public long Bytes => 4L * (Text.Length + Suffixes.Length);

    /// <summary>
    /// The rows of <paramref name="range"/> (suffixes sharing a pattern of <paramref name="depth"/>
    /// symbols) whose next symbol is <paramref name="symbol"/>: the range of the pattern + symbol.
    /// </summary>
    public SymbolRange Extend(SymbolRange range, int depth, int symbol)
    {
        if (range.IsEmpty || symbol < 0) return range with { End = range.Start };
        if (range.Count == 1) return SymbolAt(range.Start, depth) == symbol ? range : range with { End = range.Start }; // a long match: no search
        if (depth == 0 && range == All) return _first[symbol];
        if (depth == 1 && _second is not null && range == _first[Text[Suffixes[range.Start]]])
            return _second[Text[Suffixes[range.Start]] * Alphabet + symbol];
        int start = FirstAtLeast(range, depth, symbol);
        int end = FirstAtLeast(new SymbolRange(start, range.End), depth, symbol + 1);
        return new SymbolRange(start, end);
    }

    /// <summary>The range of a whole pattern.</summary>
    public SymbolRange Find(ReadOnlySpan<int> pattern)
    {
        var range = All;
        for (int i = 0; i < pattern.Length && !range.IsEmpty; i++) range = Extend(range, i, pattern[i]);
        return range;
    }

    /// <summary>The symbol <paramref name="depth"/> places into the suffix at <paramref name="row"/>, −1 past the end.</summary>
    public int SymbolAt(int row, int depth)
    {
        int p = Suffixes[row] + depth;
        return p < Text.Length ? Text[p] : -1;
    }

    private (SymbolRange[] First, SymbolRange[]? Second) PrefixRanges()
    {
        var first = new SymbolRange[Alphabet];
        var second = (long)Alphabet * Alphabet <= MaxPairs ? new SymbolRange[Alphabet * Alphabet] : null;
        for (int row = 0; row < Length; row++)
        {
            int a = SymbolAt(row, 0), b = SymbolAt(row, 1);
            first[a] = Grow(first[a], row);
            if (second is not null && b >= 0) second[a * Alphabet + b] = Grow(second[a * Alphabet + b], row);
        }
        return (first, second);
    }

    // Rows come in order, so a pattern's range starts at its first row and ends after its last.
    private static SymbolRange Grow(SymbolRange range, int row) => range.IsEmpty ? new SymbolRange(row, row + 1) : range with { End = row + 1 };

    private int FirstAtLeast(SymbolRange range, int depth, int symbol)
    {
        int lo = range.Start, hi = range.End;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (SymbolAt(mid, depth) < symbol) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
