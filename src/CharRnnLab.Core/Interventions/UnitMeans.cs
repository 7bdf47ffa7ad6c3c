using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Interventions;

/// <summary>Ablation to the mean: a unit replaced by its average over a text instead of by 0.</summary>
public static class UnitMeans
{
    /// <summary>The recorded kind an intervention target edits.</summary>
    public static ActivationKind Kind(InterventionTarget target) =>
        target == InterventionTarget.Cell ? ActivationKind.Cell : ActivationKind.Hidden;

    /// <summary>
    /// Each ablation with its value set to its unit's mean over <paramref name="unedited"/> (a plain
    /// recording holding those layers' c or h); clamps and scales are returned unchanged.
    /// </summary>
    public static IReadOnlyList<Intervention> AblateToMean(IEnumerable<Intervention> interventions, ActivationRecording unedited) =>
        interventions.Select(i => i.Action != InterventionAction.Ablate ? i
            : i with { Value = (float)unedited.Column(i.Layer, Kind(i.Target), i.Unit).Average(v => (double)v) }).ToArray();
}
