namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// Characters read since the last newline: 0 at a newline, 1 at the first character of a
/// line, 2 at the second… (the text starts as if after a newline). Karpathy's line-length
/// cell counts this to know when to break a line.
/// </summary>
public sealed class LinePositionTrack : TextFeatureTrack
{
    public override string Name => "linepos";
    public override string Description => "Characters since the last newline (0 at the newline itself, 1 at a line's first character).";
    public override bool IsBinary => false;

    protected override float[] Compute(string text)
    {
        var values = new float[text.Length];
        int column = 0;
        for (int i = 0; i < text.Length; i++)
        {
            column = text[i] == '\n' ? 0 : column + 1;
            values[i] = column;
        }
        return values;
    }
}
