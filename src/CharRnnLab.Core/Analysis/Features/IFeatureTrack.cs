using System.Text;

namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// A property of the text computed from the text alone, one value per character (Unicode
/// scalar value), to hunt for cells that track it. Convention: the value at position t
/// describes the situation <em>after</em> reading character t, like the recorded activations.
/// Adding a track = one small class plus a line in <see cref="FeatureTracks"/>.
/// </summary>
public interface IFeatureTrack
{
    /// <summary>Short stable name used on the command line and in JSON ("quote").</summary>
    string Name { get; }

    /// <summary>One sentence saying what the values mean, including the edge-case choices.</summary>
    string Description { get; }

    /// <summary>True if every value is 0 or 1 (a probe then also reports classification accuracy).</summary>
    bool IsBinary { get; }

    /// <summary>One value per symbol (each symbol one Unicode scalar value, as in a recording).</summary>
    float[] Compute(IReadOnlyList<string> symbols);
}

/// <summary>
/// Base for tracks that scan ASCII punctuation: the symbols become one char each (symbols
/// outside the BMP become U+FFFD, which no track treats specially), so index = position.
/// </summary>
public abstract class TextFeatureTrack : IFeatureTrack
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract bool IsBinary { get; }

    public float[] Compute(IReadOnlyList<string> symbols)
    {
        var flat = new StringBuilder(symbols.Count);
        foreach (string s in symbols) flat.Append(s.Length == 1 ? s[0] : '\uFFFD');
        return Compute(flat.ToString());
    }

    /// <summary>Computes the track over a text with one char per position.</summary>
    protected abstract float[] Compute(string text);
}

public static class FeatureTrackExtensions
{
    /// <summary>Computes a track over a plain text (split into Unicode scalar values first).</summary>
    public static float[] Compute(this IFeatureTrack track, string text) =>
        track.Compute(text.EnumerateRunes().Select(r => r.ToString()).ToArray());
}
