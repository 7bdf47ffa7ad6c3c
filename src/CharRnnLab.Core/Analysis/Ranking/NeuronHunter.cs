using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>What a neuron hunt looks at and reports.</summary>
public sealed record NeuronHuntOptions
{
    /// <summary>Cells listed per feature, best first.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Also fit a sparse linear probe (slower: seconds per feature on 100k characters).</summary>
    public bool Probe { get; init; }

    public CellSelection? Cells { get; init; }
    public SparseProbeOptions? ProbeOptions { get; init; }
}

/// <summary>The cells that track one feature.</summary>
/// <param name="Feature">The track's name ("quote").</param>
/// <param name="Description">The track's description.</param>
/// <param name="IsBinary">Whether the track is 0/1.</param>
/// <param name="Mean">The feature's mean over the text (for a binary track: the share of 1s).</param>
/// <param name="Min">Its smallest value.</param>
/// <param name="Max">Its largest value.</param>
/// <param name="Correlated">Top cells by |Pearson r| (Score = |r|).</param>
/// <param name="Probe">The sparse probe, when asked for and possible.</param>
/// <param name="Note">Why a part is missing (e.g. the feature never varies in this text), else null.</param>
public sealed record FeatureReport(
    string Feature, string Description, bool IsBinary, double Mean, double Min, double Max,
    IReadOnlyList<RankedCell> Correlated, SparseProbeResult? Probe, string? Note);

/// <summary>Runs the feature tracks over a recording's text and ranks the cells against each.</summary>
public static class NeuronHunter
{
    public static FeatureReport Hunt(ActivationRecording recording, IFeatureTrack track, NeuronHuntOptions? options = null)
    {
        options ??= new NeuronHuntOptions();
        if (options.Top < 1) throw new ConfigException($"top must be at least 1 (got {options.Top}).");
        float[] feature = track.Compute(recording.Symbols);
        double mean = feature.Average(v => (double)v), min = feature.Min(), max = feature.Max();
        FeatureReport Report(IReadOnlyList<RankedCell> cells, SparseProbeResult? probe, string? note) =>
            new(track.Name, track.Description, track.IsBinary, mean, min, max, cells, probe, note);

        if (min == max)
            return Report([], null, $"The {track.Name} feature is {min} everywhere in this text, so no cell can track it. " +
                "Use a text where it varies.");
        var correlated = CorrelationRanker.Rank(recording, feature, options.Top, options.Cells);
        if (!options.Probe) return Report(correlated, null, null);
        try
        {
            return Report(correlated, SparseProbe.Fit(recording, feature, options.ProbeOptions, options.Cells, track.IsBinary), null);
        }
        catch (CharRnnException ex) when (ex is not ConfigException)
        {
            return Report(correlated, null, "No probe: " + ex.Message);
        }
    }

    /// <summary>Hunts every track in <paramref name="tracks"/> (all registered tracks if null).</summary>
    public static IReadOnlyList<FeatureReport> HuntAll(ActivationRecording recording,
        IEnumerable<IFeatureTrack>? tracks = null, NeuronHuntOptions? options = null) =>
        (tracks ?? FeatureTracks.All).Select(t => Hunt(recording, t, options)).ToList();
}
