using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// Core's ablation ranking of one layer's units over a recorded text, beside each unit's
/// correlation with every class's track (<see cref="FeatureClasses"/>) in the same recording.
/// </summary>
/// <param name="Ranking">Units by loss increase when ablated (to 0), overall and per class.</param>
/// <param name="Correlations">Per class name, r of each unit's recorded value (c or h) with the class's track.</param>
public sealed record AblationComparison(AblationRanking Ranking, IReadOnlyDictionary<string, double[]> Correlations);

/// <summary>
/// Which units of a layer matter for the predictions over a recorded text: each ablated in turn
/// (Core's <see cref="AblationRanker"/>, one exact batched pass per 128 units) with the
/// recording's weights, as one job on the compute lane, reporting progress and stopping between
/// chunks of time steps when cancelled. Seconds for 128 units over 10,000 characters.
/// </summary>
public sealed class NeuronAblation(RunManager runs)
{
    public Task<AblationComparison> RankAsync(NeuronRecording recording, int layer, InterventionTarget target,
        IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        var weights = NeuronRecording.WeightsOf(recording);
        _ = new InterventionSet(weights.Config, [new Intervention(layer, 0, target, InterventionAction.Ablate)]); // a layer or kind the model lacks, by name
        var kind = UnitMeans.Kind(target);
        var r = recording.Recording;
        if (!r.Has(layer, kind))
            throw new LabException($"The recording holds no {Core.Analysis.Recording.ActivationKinds.ShortName(kind)} values of layer {layer + 1} to correlate with. Record every layer and kind.");
        return runs.Lane.Run(() =>
        {
            cancel.ThrowIfCancellationRequested();
            var ranking = AblationRanker.Rank(weights, r.Text, layer, target, FeatureClasses.All, cancel: cancel, progress: progress);
            var values = r.Get(layer, kind);
            var correlations = FeatureClasses.All.ToDictionary(c => c.Name, c => CorrelationRanker.Correlations(values, r.Units, c.Compute(r.Symbols)));
            return new AblationComparison(ranking, correlations);
        }).WaitAsync(cancel);
    }
}
