namespace CharRnnLab.Core.Analysis.Features;

/// <summary>The feature tracks the neuron lab knows, by name.</summary>
public static class FeatureTracks
{
    /// <summary>Every track, in the order front ends list them.</summary>
    public static IReadOnlyList<IFeatureTrack> All { get; } =
    [
        new QuoteTrack(), new UrlTrack(), new LinePositionTrack(), new IndentTrack(),
        new BracketDepthTrack(), new CommentTrack(),
    ];

    public static IEnumerable<string> Names => All.Select(t => t.Name);

    /// <summary>The track called <paramref name="name"/> (case-insensitive), or a message listing the names.</summary>
    public static IFeatureTrack Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CharRnnException($"There is no feature called '{name}'. Choose one of: {string.Join(", ", Names)}.");
}
