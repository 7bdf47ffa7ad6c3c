using System.Text;

namespace CharRnnLab.Core.Data;

/// <summary>
/// The model's alphabet: the sorted distinct Unicode scalar values of a text. An emoji or an
/// accented letter is one symbol, never two UTF-16 halves or several UTF-8 bytes.
/// Index i of the model's input/output is <see cref="Symbols"/>[i].
/// </summary>
public sealed class Vocabulary : IEquatable<Vocabulary>
{
    private readonly Rune[] _symbols;
    private readonly Dictionary<int, int> _indexOf;

    public Vocabulary(IEnumerable<Rune> symbols)
    {
        _symbols = symbols.Distinct().OrderBy(r => r.Value).ToArray();
        _indexOf = new Dictionary<int, int>(_symbols.Length);
        for (int i = 0; i < _symbols.Length; i++) _indexOf[_symbols[i].Value] = i;
    }

    /// <summary>Builds the vocabulary of every scalar value in <paramref name="text"/>.</summary>
    public static Vocabulary FromText(string text) => new(text.EnumerateRunes());

    /// <summary>Restores a vocabulary saved with <see cref="ToStrings"/>.</summary>
    public static Vocabulary FromStrings(IEnumerable<string> symbols) =>
        new(symbols.Select(s => Rune.GetRuneAt(s, 0)));

    public int Count => _symbols.Length;
    public IReadOnlyList<Rune> Symbols => _symbols;
    public Rune this[int index] => _symbols[index];

    /// <summary>Each symbol as a string (one scalar value each), the form saved in checkpoints.</summary>
    public string[] ToStrings() => _symbols.Select(r => r.ToString()).ToArray();

    public bool TryGetIndex(Rune symbol, out int index) => _indexOf.TryGetValue(symbol.Value, out index);

    /// <summary>The distinct symbols (scalar values, ascending) of <paramref name="text"/> this vocabulary lacks.</summary>
    public SortedSet<int> UnknownSymbols(string text) =>
        new(text.EnumerateRunes().Where(r => !_indexOf.ContainsKey(r.Value)).Select(r => r.Value));

    /// <summary>Encodes a text to symbol indices; unknown symbols raise a message that names them.</summary>
    public int[] Encode(string text, string what = "text")
    {
        var result = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!_indexOf.TryGetValue(rune.Value, out int i)) throw Unknown(text, what);
            result.Add(i);
        }
        return result.ToArray();
    }

    private CharRnnException Unknown(string text, string what)
    {
        var unknown = UnknownSymbols(text);
        return new CharRnnException(
            $"The {what} contains {unknown.Count} symbol(s) the model's vocabulary does not have: " +
            string.Join(", ", unknown.Take(20).Select(Describe)) + (unknown.Count > 20 ? ", …" : "") +
            ". Use only symbols from the training corpus.");
    }

    public string Decode(IEnumerable<int> indices)
    {
        var sb = new StringBuilder();
        foreach (int i in indices) sb.Append(_symbols[i].ToString());
        return sb.ToString();
    }

    /// <summary>A readable name for a scalar value: 'x' (U+0078), or just U+000A for controls.</summary>
    public static string Describe(int value)
    {
        var rune = new Rune(value);
        return Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) ? $"U+{value:X4}" : $"'{rune}' (U+{value:X4})";
    }

    public bool Equals(Vocabulary? other) =>
        other is not null && _symbols.AsSpan().SequenceEqual(other._symbols);

    public override bool Equals(object? obj) => Equals(obj as Vocabulary);
    public override int GetHashCode() => _symbols.Aggregate(_symbols.Length, (h, r) => HashCode.Combine(h, r.Value));
}
