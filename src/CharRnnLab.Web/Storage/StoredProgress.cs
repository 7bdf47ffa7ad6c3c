using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Storage;

/// <summary>A row of a run's stored loss curve: a bucket of consecutive progress points (one point until the curve is compacted).</summary>
/// <param name="Point">The bucket as one point, by <see cref="ProgressMerge"/>'s rule: its last iteration, its mean losses, the
/// latest validation loss measured in it.</param>
/// <param name="Points">How many progress points it stands for.</param>
/// <param name="BestValidationLoss">The lowest validation loss measured in it, so no compaction loses a run's best.</param>
public sealed record StoredProgress(ProgressEvent Point, int Points, double? BestValidationLoss)
{
    /// <summary>One progress point as it arrives.</summary>
    public static StoredProgress Of(ProgressEvent point) => new(point, 1, ProgressMerge.Lower(point.ValidationLoss, null));

    /// <summary>Two neighbouring buckets as one (the decimator's merge; the counts are the points each stands for).</summary>
    public static StoredProgress Merge(StoredProgress a, int countA, StoredProgress b, int countB) =>
        new(ProgressMerge.Merge(a.Point, countA, b.Point, countB), countA + countB, ProgressMerge.Lower(a.BestValidationLoss, b.BestValidationLoss));
}
