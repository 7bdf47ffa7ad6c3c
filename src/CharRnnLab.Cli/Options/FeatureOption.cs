using System.CommandLine;
using System.CommandLine.Parsing;
using CharRnnLab.Core.Analysis.Features;

namespace CharRnnLab.Cli.Options;

/// <summary>--feature quote,url --feature indent: feature tracks by name, repeatable and comma-separated.</summary>
internal static class FeatureOption
{
    /// <param name="fallback">What an empty list means; callers read a missing option as it too.</param>
    public static Option<IReadOnlyList<IFeatureTrack>> Create(string description, IReadOnlyList<IFeatureTrack> fallback) => new("--feature")
    {
        Description = $"{string.Join("|", FeatureTracks.Names)}; {description}; repeat or comma-separate",
        HelpName = "NAME",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false, // --feature quote --feature url, never the next word
        CustomParser = result => Parse(result, fallback),
    };

    private static IReadOnlyList<IFeatureTrack> Parse(ArgumentResult result, IReadOnlyList<IFeatureTrack> fallback)
    {
        var names = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var tracks = new List<IFeatureTrack>();
        foreach (string name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var track = FeatureTracks.All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (track is null)
            {
                result.AddError($"--feature must be one of {string.Join("|", FeatureTracks.Names)} (got '{name}').");
                return [];
            }
            tracks.Add(track);
        }
        return tracks.Count > 0 ? tracks : fallback;
    }
}
