using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Numerics;

namespace CharRnnLab.Core.Analysis.Cells;

/// <summary>
/// A cell's profile (<see cref="CellProfile"/>) from a recording, in managed code (no libtorch, so
/// any thread may call it): one pure function of the recording, the cell and the feature tracks.
/// Milliseconds for a 10,000-character text through a 2×128 model.
/// </summary>
public static class CellProfiler
{
    public static CellProfile Compute(ActivationRecording recording, CellId cell, IReadOnlyList<IFeatureTrack> tracks,
        CellProfileOptions? options = null)
    {
        options ??= new CellProfileOptions();
        options.Validate();
        Check(recording, cell);
        float[] values = recording.Column(cell.Layer, cell.Kind, cell.Unit); // (N)
        float min = values.Min(), max = values.Max();
        return new CellProfile(cell, values.Length, (float)values.Average(v => (double)v), min, max, Math.Max(Math.Abs(min), Math.Abs(max)),
            Snippets(values, options, lowest: false), Snippets(values, options, lowest: true),
            Histogram(values, options.Bins), Features(recording, values, tracks), Correlated(recording, cell, values, options.Neighbours),
            Clamp(recording, cell, options));
    }

    /// <summary>
    /// The state a clamp of this cell's unit overwrites: an LSTM's c for c, tanh(c) and the gates (a gate is
    /// computed afresh each step, so it cannot be held; c is what the unit carries), h for h and for every
    /// kind of a GRU or vanilla RNN.
    /// </summary>
    public static InterventionTarget ClampTarget(CellType cell, ActivationKind kind) =>
        cell == CellType.Lstm && kind != ActivationKind.Hidden ? InterventionTarget.Cell : InterventionTarget.Hidden;

    private static void Check(ActivationRecording recording, CellId cell)
    {
        if (!recording.Has(cell.Layer, cell.Kind))
            throw new CharRnnException($"The recording has no {ActivationKinds.ShortName(cell.Kind)} values for layer {cell.Layer + 1}: it holds layers " +
                $"{string.Join(", ", recording.RecordedLayers.Select(l => l + 1))} and kinds {string.Join(", ", recording.RecordedKinds.Select(ActivationKinds.ShortName))}.");
        if (cell.Unit < 0 || cell.Unit >= recording.Units)
            throw new CharRnnException($"There is no unit {cell.Unit}: the layers have units 0 to {recording.Units - 1}.");
        if (recording.Characters == 0) throw new CharRnnException("The recording is empty: there is no text to profile the cell on.");
    }

    private static IReadOnlyList<CellSnippet> Snippets(float[] values, CellProfileOptions options, bool lowest) =>
        PeakWindows.Top(values, options.Top, options.Before + options.After, lowest).Select(peak =>
        {
            int start = Math.Max(0, peak - options.Before), end = Math.Min(values.Length, peak + options.After + 1);
            return new CellSnippet(peak, start, values[peak], values[start..end]);
        }).ToArray();

    /// <summary>Equal-width bins between the smallest and the largest value; the largest falls in the last bin.</summary>
    public static CellHistogram Histogram(float[] values, int bins)
    {
        float min = values.Min(), max = values.Max();
        var counts = new int[bins];
        double width = ((double)max - min) / bins;
        foreach (float v in values)
            counts[width > 0 ? Math.Min(bins - 1, (int)((v - (double)min) / width)) : 0]++;
        return new CellHistogram(min, max, counts);
    }

    private static IReadOnlyList<FeatureCorrelation> Features(ActivationRecording recording, float[] values, IReadOnlyList<IFeatureTrack> tracks) =>
        tracks.Select(track =>
        {
            float[] feature = track.Compute(recording.Symbols);
            bool varies = feature.Min() != feature.Max();
            double r = varies ? CorrelationRanker.Correlations(values, 1, feature)[0] : 0;
            return new FeatureCorrelation(track.Name, track.Description, r, varies);
        }).ToArray();

    // Every unit of the same kind in every recorded layer against this one: the unit's column plays the feature.
    private static IReadOnlyList<RankedCell> Correlated(ActivationRecording recording, CellId cell, float[] values, int top) =>
        recording.RecordedLayers.Where(l => recording.Has(l, cell.Kind))
            .SelectMany(l => CorrelationRanker.Correlations(recording.Get(l, cell.Kind), recording.Units, values)
                .Select((r, u) => new RankedCell(l, u, cell.Kind, Math.Abs(r), r < 0 ? -1 : 1)))
            .Where(c => c.Cell != cell)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Layer).ThenBy(c => c.Unit)
            .Take(top).ToArray();

    private static ClampRange Clamp(ActivationRecording recording, CellId cell, CellProfileOptions options)
    {
        var target = ClampTarget(recording.Config.Cell, cell.Kind);
        float[] state = recording.Column(cell.Layer, UnitMeans.Kind(target), cell.Unit);
        Array.Sort(state);
        return new ClampRange(target, options.LowPercentile, Percentile.OfSorted(state, options.LowPercentile),
            options.HighPercentile, Percentile.OfSorted(state, options.HighPercentile));
    }
}
