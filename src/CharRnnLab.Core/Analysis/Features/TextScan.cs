namespace CharRnnLab.Core.Analysis.Features;

/// <summary>Small character tests shared by the tracks.</summary>
internal static class TextScan
{
    /// <summary>True if text[i] is preceded by an odd number of backslashes.</summary>
    public static bool IsEscaped(string text, int i)
    {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && text[j] == '\\'; j--) backslashes++;
        return backslashes % 2 == 1;
    }

    /// <summary>True for the middle of a character literal like '"'.</summary>
    public static bool IsCharLiteral(string text, int i) =>
        i > 0 && i + 1 < text.Length && text[i - 1] == '\'' && text[i + 1] == '\'';

    /// <summary>True if the newline at <paramref name="i"/> ends an empty or whitespace-only line.</summary>
    public static bool EndsBlankLine(string text, int i)
    {
        for (int j = i - 1; j >= 0; j--)
        {
            if (text[j] == '\n') return true;
            if (!char.IsWhiteSpace(text[j])) return false;
        }
        return false;
    }
}
