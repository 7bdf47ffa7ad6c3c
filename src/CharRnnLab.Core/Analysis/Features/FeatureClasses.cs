namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// The classes of positions a loss change is averaged over (edits, ablations): a class is the
/// positions t where its track is &gt; 0 after reading character t, i.e. the predictions made
/// there (inside quotes, in a URL, in a comment, inside brackets, at a line start).
/// </summary>
public static class FeatureClasses
{
    /// <summary>Every class, in the order front ends list them.</summary>
    public static IReadOnlyList<IFeatureTrack> All { get; } =
    [
        FeatureTracks.Find("quote"), FeatureTracks.Find("url"), FeatureTracks.Find("comment"),
        FeatureTracks.Find("brackets"), new LineStartTrack(),
    ];

    /// <summary>What the class's positions are, in a few words ("inside quotes").</summary>
    public static string Label(IFeatureTrack track) => track.Name switch
    {
        "quote" => "inside quotes",
        "url" => "in URLs",
        "comment" => "in comments",
        "brackets" => "inside brackets",
        "linestart" => "at a line start",
        _ => track.Name,
    };

    /// <summary>The class called <paramref name="name"/> (case-insensitive), or a message listing them.</summary>
    public static IFeatureTrack Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CharRnnException($"There is no class called '{name}'. Choose one of: {string.Join(", ", All.Select(t => t.Name))}.");
}
