namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// Indentation depth of the current line, in levels, as read so far: it grows across the
/// line's leading whitespace, holds for the rest of the line, and is 0 at the newline.
/// A tab is one level. Spaces count one level per <em>indent unit</em>, detected from the text:
/// the most frequent change of indentation width (2 to 8 spaces) between consecutive
/// non-blank lines, so 2-space and 4-space code both get 1, 2, 3… levels; 4 when the text
/// gives no evidence. Leftover spaces (an alignment) round down.
/// </summary>
public sealed class IndentTrack : TextFeatureTrack
{
    public const int DefaultUnit = 4;

    public override string Name => "indent";
    public override string Description => "Indentation levels of the current line read so far (a tab = 1; spaces per detected unit of 2–8, default 4).";
    public override bool IsBinary => false;

    protected override float[] Compute(string text)
    {
        int unit = DetectUnit(text);
        var values = new float[text.Length];
        bool leading = true;
        int tabs = 0, spaces = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch == '\n') { leading = true; tabs = spaces = 0; }
            else if (leading && ch == '\t') tabs++;
            else if (leading && ch == ' ') spaces++;
            else leading = false;
            values[i] = tabs + spaces / unit;
        }
        return values;
    }

    /// <summary>The most frequent change in leading-space width between consecutive non-blank lines, in [2, 8].</summary>
    public static int DetectUnit(string text)
    {
        var changes = new int[9];
        int? previous = null;
        foreach (string line in text.Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            int width = line.Length - line.TrimStart(' ').Length;
            if (previous is int p && Math.Abs(width - p) is >= 2 and <= 8 and var change) changes[change]++;
            previous = width;
        }
        int best = Enumerable.Range(2, 7).MaxBy(c => changes[c]);
        return changes[best] > 0 ? best : DefaultUnit;
    }
}
