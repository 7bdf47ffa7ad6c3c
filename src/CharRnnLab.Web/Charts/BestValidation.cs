using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Charts;

/// <summary>A run's best validation loss, as the run page and the Compare page show it.</summary>
public static class BestValidation
{
    /// <summary>The lowest finite validation loss on the curve (nats per character), else <paramref name="latest"/>.
    /// On a long run's bucketed curve this is the lowest of the validations kept, one per bucket: GetHistory's
    /// <see cref="RunHistory.BestValidationLoss"/> is the run's true best.</summary>
    /// <param name="progress">The run's loss curve.</param>
    /// <param name="latest">The run's latest validation loss, for a curve without one.</param>
    public static double? Of(IEnumerable<ProgressEvent> progress, double? latest) => After(null, progress) ?? latest;

    /// <summary>The lower of <paramref name="best"/> and the finite validation losses of <paramref name="more"/>, as a live run goes on.</summary>
    public static double? After(double? best, IEnumerable<ProgressEvent> more) =>
        more.Aggregate(best, (lowest, p) => ProgressMerge.Lower(lowest, p.ValidationLoss));
}
