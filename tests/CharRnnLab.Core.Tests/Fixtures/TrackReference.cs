using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>
/// Ground truth recomputed from the text alone, written independently of the generators,
/// so comparing the two checks every position of a track.
/// </summary>
public static class TrackReference
{
    /// <summary>Every '"' toggles, '“' opens and '”' closes: the opening quote and the content are 1, the closing quote is 0.</summary>
    public static float[] Quotes(string text)
    {
        var track = new float[text.Length];
        bool inside = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') inside = !inside;
            else if (text[i] is '“' or '”') inside = text[i] == '“';
            track[i] = inside ? 1 : 0;
        }
        return track;
    }

    public static readonly Regex UrlPattern = new(@"https?://[^\s\[\]|{}<>""()]+", RegexOptions.Compiled);

    public static float[] Urls(string text)
    {
        var track = new float[text.Length];
        foreach (Match m in UrlPattern.Matches(text))
            for (int i = m.Index; i < m.Index + m.Length; i++) track[i] = 1;
        return track;
    }

    /// <summary>HTML comments: 1 from '&lt;' of "&lt;!--" up to, not including, the '&gt;' of "--&gt;".</summary>
    public static float[] HtmlComments(string text)
    {
        var track = new float[text.Length];
        for (int start = text.IndexOf("<!--", StringComparison.Ordinal); start >= 0; start = text.IndexOf("<!--", start + 1, StringComparison.Ordinal))
        {
            int end = text.IndexOf("-->", start + 4, StringComparison.Ordinal) + 2;
            for (int i = start; i < end; i++) track[i] = 1;
        }
        return track;
    }

    /// <summary>A small C lexer: brace depth outside strings and comments, string and comment spans.</summary>
    public static (float[] Indent, float[] Comment, float[] Quote) Code(string text)
    {
        var indent = new float[text.Length];
        var comment = new float[text.Length];
        var quote = new float[text.Length];
        int depth = 0, blockStart = -1;
        bool inLine = false, inBlock = false, inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i], next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (inLine) inLine = c != '\n';
            else if (inBlock) inBlock = !(c == '/' && text[i - 1] == '*' && i - 1 >= blockStart + 2);
            else if (inString) inString = c != '"';
            else if (c == '/' && next == '/') inLine = true;
            else if (c == '/' && next == '*') { inBlock = true; blockStart = i; }
            else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}') depth--;
            indent[i] = depth;
            comment[i] = inLine || inBlock ? 1 : 0;
            quote[i] = inString ? 1 : 0;
        }
        return (indent, comment, quote);
    }

    /// <summary>Index of the first position where the arrays differ, with context, or null.</summary>
    public static string? FirstDifference(string text, float[] expected, float[] actual)
    {
        if (expected.Length != actual.Length) return $"lengths differ: {expected.Length} vs {actual.Length}";
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] == actual[i]) continue;
            int from = Math.Max(0, i - 40);
            return $"position {i}: expected {expected[i]}, generator says {actual[i]}; text: «{text[from..i]}»[{text[i]}]«{text[(i + 1)..Math.Min(text.Length, i + 40)]}»";
        }
        return null;
    }
}
