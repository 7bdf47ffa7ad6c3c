namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// 1 on the characters of a URL: one starting with http://, https:// or www. (any case, not
/// glued to a preceding letter or digit), running to whitespace or one of " &lt; &gt; `, minus
/// trailing punctuation that usually ends the sentence around it (. , ; : ! ? ' " &gt; and an
/// unbalanced ) or ]), so "see http://x.org/a." marks "http://x.org/a" but keeps the ")" of
/// "wiki/Foo_(bar)". A URL is only recognisable once its prefix is read, so a cell that
/// detects URLs lags the track by a few characters; correlation barely notices.
/// </summary>
public sealed class UrlTrack : TextFeatureTrack
{
    private static readonly string[] Prefixes = ["http://", "https://", "www."];
    private const string TrailingPunctuation = ".,;:!?)]\"'>";

    public override string Name => "url";
    public override string Description => "1 on URLs (http://, https://, www.) up to whitespace, without trailing punctuation such as . , ; : ! ? ) ] \" ' >.";
    public override bool IsBinary => true;

    protected override float[] Compute(string text)
    {
        var values = new float[text.Length];
        int i = 0;
        while (i < text.Length)
        {
            int prefix = PrefixAt(text, i);
            if (prefix == 0) { i++; continue; }
            int end = TrimTrailing(text, i, ScanEnd(text, i));
            if (end <= i + prefix) { i += prefix; continue; } // a bare "http://" is no URL
            for (int j = i; j < end; j++) values[j] = 1;
            i = end;
        }
        return values;
    }

    private static int PrefixAt(string text, int i)
    {
        if (i > 0 && char.IsLetterOrDigit(text[i - 1])) return 0;
        foreach (string p in Prefixes)
            if (string.Compare(text, i, p, 0, p.Length, StringComparison.OrdinalIgnoreCase) == 0) return p.Length;
        return 0;
    }

    private static int ScanEnd(string text, int start)
    {
        int end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '<' or '>' or '`')) end++;
        return end;
    }

    // Drops sentence punctuation from the end; a ")" or "]" stays when the URL opened one.
    private static int TrimTrailing(string text, int start, int end)
    {
        while (end > start && TrailingPunctuation.Contains(text[end - 1]))
        {
            char last = text[end - 1];
            if (last == ')' && Count(text, start, end, '(') >= Count(text, start, end, ')')) break;
            if (last == ']' && Count(text, start, end, '[') >= Count(text, start, end, ']')) break;
            end--;
        }
        return end;
    }

    private static int Count(string text, int start, int end, char c)
    {
        int n = 0;
        for (int i = start; i < end; i++) if (text[i] == c) n++;
        return n;
    }
}
