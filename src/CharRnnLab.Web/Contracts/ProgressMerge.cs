namespace CharRnnLab.Web.Contracts;

/// <summary>
/// How consecutive progress points combine into one bucket of a decimated curve: the one rule of the charts'
/// buffer (GetHistory, pages) and of the history the lab stores, so both draw the same curve.
/// </summary>
public static class ProgressMerge
{
    /// <summary>Mean losses weighted by the points each side stands for; the later point's other numbers; the
    /// latest validation loss measured in the bucket.</summary>
    public static ProgressEvent Merge(ProgressEvent a, int countA, ProgressEvent b, int countB)
    {
        double Mean(double x, double y) => (x * countA + y * countB) / (countA + countB);
        return b with
        {
            TrainLoss = Mean(a.TrainLoss, b.TrainLoss),
            SmoothedLoss = Mean(a.SmoothedLoss, b.SmoothedLoss),
            ValidationLoss = b.ValidationLoss ?? a.ValidationLoss,
        };
    }

    /// <summary>The lower of two validation losses, either of which may be missing; one that is not finite (a diverged
    /// evaluation) does not count.</summary>
    public static double? Lower(double? a, double? b) => (Finite(a), Finite(b)) switch
    {
        ({ } x, { } y) => Math.Min(x, y),
        (var x, var y) => x ?? y,
    };

    private static double? Finite(double? value) => value is { } x && double.IsFinite(x) ? x : null;
}
