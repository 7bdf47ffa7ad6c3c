namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// Nesting depth of (), [] and {} together, after reading each character: an opening bracket
/// already counts, a closing one no longer does. Brackets are not matched by type and count
/// everywhere (also in strings and comments); a closing bracket at depth 0 is ignored, so
/// stray ones cannot push the depth below zero.
/// </summary>
public sealed class BracketDepthTrack : TextFeatureTrack
{
    public override string Name => "brackets";
    public override string Description => "Nesting depth of (), [] and {} (an opening bracket counts, a closing one not; never below 0).";
    public override bool IsBinary => false;

    protected override float[] Compute(string text)
    {
        var values = new float[text.Length];
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            depth = text[i] switch
            {
                '(' or '[' or '{' => depth + 1,
                ')' or ']' or '}' => Math.Max(0, depth - 1),
                _ => depth,
            };
            values[i] = depth;
        }
        return values;
    }
}
