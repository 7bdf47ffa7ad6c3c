namespace CharRnnLab.Core.Corpora;

/// <summary>
/// A generated text and the ground truth its generator knows, one value per character
/// (the texts are ASCII, so character i is also vocabulary symbol i).
/// Each track value describes the state <em>after reading</em> character i, the same moment
/// an LSTM's activation at step i describes: see <see cref="CorpusTracks"/>.
/// </summary>
public sealed record GeneratedCorpus(string Text, IReadOnlyDictionary<string, float[]> Tracks);

/// <summary>Names and meaning of the ground-truth tracks of <see cref="GeneratedCorpus"/>.</summary>
public static class CorpusTracks
{
    /// <summary>1 inside a double-quoted span (speech, string literal, attribute value): the opening
    /// quote and the content are 1, the closing quote is 0.</summary>
    public const string Quote = "quote";

    /// <summary>1 on every character of an http(s):// URL, 0 elsewhere.</summary>
    public const string Url = "url";

    /// <summary>Code only: brace nesting depth after reading the character ('{' counts, '}' uncounts),
    /// which is the indentation level of the lines inside the block; 0 outside code.</summary>
    public const string Indent = "indent";

    /// <summary>1 inside a comment (// to end of line, /* … */, &lt;!-- … --&gt;): the opener and the
    /// content are 1, the character that ends the comment (newline, final '/' or '&gt;') is 0.</summary>
    public const string Comment = "comment";

    public static IReadOnlyList<string> All { get; } = [Quote, Url, Indent, Comment];
}
