using System.Globalization;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// Clamps from the Neurons page for its one list of edits (sampled and recorded under): a cell's unit
/// pinned, from the start, to a value read off the recorded text. A feature's cell takes its mean over
/// the positions where the feature is on (the state it holds "inside quotes"); a cell picked by hand
/// takes its largest value over the text, or its mean. c and tanh(c) cells clamp c, h cells h; gates
/// are not stored state: only the mean clamp takes one, on the unit's h.
/// </summary>
public static class SamplingClamps
{
    /// <summary>A clamp of <paramref name="cell"/> to its mean where <paramref name="feature"/>'s track is &gt; 0; null for a gate, or when the feature is never on.</summary>
    public static SamplingClamp? WhereOn(NeuronRecording recording, CellId cell, string feature)
    {
        if (Target(cell.Kind) is not { } target) return null;
        var track = FeatureTracks.Find(feature).Compute(recording.Recording.Symbols);
        var column = recording.Recording.Column(cell.Layer, UnitMeans.Kind(target), cell.Unit);
        var on = column.Where((_, t) => track[t] > 0).ToArray();
        if (on.Length == 0) return null;
        float value = (float)on.Average(v => (double)v);
        return new(new Intervention(cell.Layer, cell.Unit, target, InterventionAction.Clamp, value),
            string.Create(CultureInfo.InvariantCulture, $"its mean where {feature} is on"));
    }

    /// <summary>A clamp of <paramref name="cell"/> to its largest value over the text; null for a gate.</summary>
    public static SamplingClamp? AtMax(NeuronRecording recording, CellId cell)
    {
        if (Target(cell.Kind) is not { } target) return null;
        float value = recording.Recording.Column(cell.Layer, UnitMeans.Kind(target), cell.Unit).Max();
        return new(new Intervention(cell.Layer, cell.Unit, target, InterventionAction.Clamp, value), "its max over the text");
    }

    /// <summary>A clamp of <paramref name="cell"/> to its mean over the text; a gate's unit is clamped on its h, the state an edit can pin.</summary>
    public static SamplingClamp AtMean(NeuronRecording recording, CellId cell)
    {
        var target = Target(cell.Kind) ?? InterventionTarget.Hidden;
        float mean = recording.Means[(cell.Layer, UnitMeans.Kind(target))][cell.Unit];
        return new(new Intervention(cell.Layer, cell.Unit, target, InterventionAction.Clamp, mean), "its mean over the text");
    }

    /// <summary>Whether a cell of <paramref name="kind"/> is state an edit can pin (c, tanh(c) via c, h), not a gate.</summary>
    public static bool CanClamp(ActivationKind kind) => Target(kind) is not null;

    private static InterventionTarget? Target(ActivationKind kind) => kind switch
    {
        ActivationKind.Cell or ActivationKind.TanhCell => InterventionTarget.Cell,
        ActivationKind.Hidden => InterventionTarget.Hidden,
        _ => null,
    };
}

/// <summary>A clamp for the sampling panel and where its value came from ("its mean where quote is on"), for the button's words.</summary>
public sealed record SamplingClamp(Intervention Edit, string ValueSource)
{
    /// <summary>"clamp in sampling: c to 0.93 (its max over the text)".</summary>
    public string Describe() => $"clamp in sampling: {Edit} ({ValueSource})";
}

/// <summary>"Clamp these cells in sampling", from a feature's chip or probe: each to its mean where <paramref name="Feature"/> is on.</summary>
public sealed record CellClampRequest(string Feature, IReadOnlyList<CellId> Cells);
