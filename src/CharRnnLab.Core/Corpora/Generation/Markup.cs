namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>
/// Lets the wiki and code generators build plain interpolated strings and still get exact
/// ground truth: invisible control markers switch the URL and comment tracks, and the emitter
/// tracks double quotes (and, for code, braces) itself. Markers are never written to the text.
/// </summary>
internal static class Markup
{
    /// <summary>Typographic double quotes, as modern books print speech.</summary>
    public const char OpeningQuote = '\u201C', ClosingQuote = '\u201D';

    private const char UrlStart = '\u0001', UrlEnd = '\u0002', CommentStart = '\u0003', CommentEnd = '\u0004';

    /// <summary>Marks <paramref name="url"/> as a URL span.</summary>
    public static string Url(string url) => $"{UrlStart}{url}{UrlEnd}";

    /// <summary>Marks <paramref name="body"/> as a comment. The body stops just before the character that ends the
    /// comment ('\n', the '/' of "*/", the '&gt;' of "--&gt;"); the caller writes that character next, outside.</summary>
    public static string Comment(string body) => $"{CommentStart}{body}{CommentEnd}";

    /// <summary>For comments spanning lines: everything between <see cref="BeginComment"/> and <see cref="EndComment"/>,
    /// newlines and indentation included, is inside.</summary>
    public static readonly string BeginComment = CommentStart.ToString(), EndComment = CommentEnd.ToString();

    /// <summary>
    /// Appends <paramref name="text"/>: '"' opens/closes a quote, '“' opens and '”' closes one (the opener is
    /// inside, the closer outside);
    /// with <paramref name="braces"/>, '{' and '}' move the indent track before they are written.
    /// </summary>
    public static void Emit(TrackedText output, string text, bool braces = false)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case UrlStart: output[CorpusTracks.Url] = 1; continue;
                case UrlEnd: output[CorpusTracks.Url] = 0; continue;
                case CommentStart: output[CorpusTracks.Comment] = 1; continue;
                case CommentEnd: output[CorpusTracks.Comment] = 0; continue;
                case '"': output[CorpusTracks.Quote] = 1 - output[CorpusTracks.Quote]; break;
                case OpeningQuote: output[CorpusTracks.Quote] = 1; break;
                case ClosingQuote: output[CorpusTracks.Quote] = 0; break;
                case '{' when braces: output[CorpusTracks.Indent] += 1; break;
                case '}' when braces: output[CorpusTracks.Indent] -= 1; break;
            }
            output.Append(c);
        }
    }
}
