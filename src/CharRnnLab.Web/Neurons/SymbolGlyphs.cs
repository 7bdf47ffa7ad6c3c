namespace CharRnnLab.Web.Neurons;

/// <summary>
/// The visible stand-ins for whitespace, written once: the Neurons text, its hover panel, the
/// sampling tooltip and the HTML export all show these (the browser gets the table in the
/// recording's metadata, see <see cref="RecordingMeta"/>). The editor convention: a faint dot for
/// a space, an arrow for a tab, ↵ at a line end.
/// </summary>
public static class SymbolGlyphs
{
    /// <summary>Symbol → glyph. A tab keeps its own width after the arrow in the text views, so only the arrow is here.</summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>
    {
        [" "] = "·",
        ["\t"] = "→",
        ["\n"] = "↵",
        ["\r"] = "␍",
    };

    /// <summary>Whether the symbol is shown by a stand-in.</summary>
    public static bool IsMarked(string symbol) => Table.ContainsKey(symbol);

    /// <summary>The symbol's stand-in, or the symbol itself.</summary>
    public static string Show(string symbol) => Table.TryGetValue(symbol, out var glyph) ? glyph : symbol;
}
