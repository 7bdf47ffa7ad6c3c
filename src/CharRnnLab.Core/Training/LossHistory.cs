using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Numerics;

namespace CharRnnLab.Core.Training;

/// <summary>
/// The loss curve a run keeps and its checkpoints carry: every iteration up to <see cref="MaxPoints"/>, then
/// neighbouring points merged pairwise (<see cref="Decimator{T}"/>), so a 10-million-iteration run's history.bin
/// stays under MaxPoints × 20 bytes instead of 200 MB. A merged point has the later iteration, the mean training
/// loss and the latest validation loss measured in it. A resumed run re-adds its saved points one by one, so past
/// the cap its older points may be merged differently from an uninterrupted run's.
/// </summary>
internal sealed class LossHistory
{
    public const int MaxPoints = 10_000;

    private readonly Decimator<LossPoint> _points = new(MaxPoints, Merge);

    public LossHistory(IEnumerable<LossPoint> saved)
    {
        foreach (var point in saved) Add(point);
    }

    public void Add(LossPoint point) => _points.Add(point, out _);

    public LossPoint[] ToArray() => _points.All.ToArray();

    private static LossPoint Merge(LossPoint a, int countA, LossPoint b, int countB) =>
        new(b.Iteration, (a.TrainLoss * countA + b.TrainLoss * countB) / (countA + countB), b.ValidationLoss ?? a.ValidationLoss);
}
