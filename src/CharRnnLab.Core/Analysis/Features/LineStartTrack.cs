namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// 1 after reading a newline (and before the first character), 0 elsewhere: the positions whose
/// prediction is a line's first character. A class for loss changes (<see cref="FeatureClasses"/>),
/// not a cell to hunt (the line-position track covers that).
/// </summary>
public sealed class LineStartTrack : TextFeatureTrack
{
    public override string Name => "linestart";
    public override string Description => "1 at a newline, whose next character starts a line; 0 elsewhere.";
    public override bool IsBinary => true;

    protected override float[] Compute(string text)
    {
        var values = new float[text.Length];
        for (int i = 0; i < text.Length; i++) values[i] = text[i] == '\n' ? 1 : 0;
        return values;
    }
}
