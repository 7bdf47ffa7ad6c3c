using CharRnnLab.Core.Numerics;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// A run's loss curve (decimated to a bounded number of points) and its training samples, in
/// memory, for GetHistory and for pages opened mid-run. Also computes the smoothed loss: a
/// debiased exponential moving average, as TensorBoard draws it. Thread-safe.
/// </summary>
public sealed class RunHistoryBuffer(int maxPoints)
{
    /// <summary>EMA weight of the past; 0.98 ≈ averaging the last 50 iterations.</summary>
    public const double SmoothingBeta = 0.98;

    private readonly Lock _lock = new();
    private readonly Decimator<ProgressEvent> _progress = new(maxPoints, Merge);
    private readonly List<SampleEvent> _samples = [];
    private double _ema;
    private int _emaCount;

    /// <summary>Turns the engine's progress into the lab's event, smoothing the loss, and records it.</summary>
    public ProgressEvent Add(string runId, TrainingProgress p)
    {
        lock (_lock)
        {
            var point = new ProgressEvent(runId, p.Iteration, p.TotalIterations, p.Epoch, p.TrainLoss, Smooth(p.TrainLoss),
                p.ValidationLoss, p.LearningRate, p.GradientNorm, p.CharsPerSecond, p.Elapsed.TotalSeconds, p.Eta?.TotalSeconds);
            _progress.Add(point, out _);
            return point;
        }
    }

    public SampleEvent Add(string runId, TrainingSample sample)
    {
        var result = new SampleEvent(runId, sample.Iteration, sample.Temperature, sample.Text, sample.TrainLoss);
        lock (_lock) _samples.Add(result);
        return result;
    }

    /// <summary>Loads a run's stored history (replaying the smoothing so it continues seamlessly).</summary>
    public void Restore(IEnumerable<ProgressEvent> progress, IEnumerable<SampleEvent> samples)
    {
        lock (_lock)
        {
            foreach (var point in progress)
            {
                Smooth(point.TrainLoss);
                _progress.Add(point, out _);
            }
            _samples.AddRange(samples);
        }
    }

    public (IReadOnlyList<ProgressEvent> Progress, IReadOnlyList<SampleEvent> Samples) Snapshot()
    {
        lock (_lock) return (_progress.All.ToList(), _samples.ToList());
    }

    private double Smooth(double loss)
    {
        if (!double.IsFinite(loss)) return loss;
        _ema = SmoothingBeta * _ema + (1 - SmoothingBeta) * loss;
        _emaCount++;
        return _ema / (1 - Math.Pow(SmoothingBeta, _emaCount));
    }

    /// <summary>Bucket merge: mean losses weighted by count; the later point's other numbers.</summary>
    private static ProgressEvent Merge(ProgressEvent a, int countA, ProgressEvent b, int countB)
    {
        double Mean(double x, double y) => (x * countA + y * countB) / (countA + countB);
        return b with
        {
            TrainLoss = Mean(a.TrainLoss, b.TrainLoss),
            SmoothedLoss = Mean(a.SmoothedLoss, b.SmoothedLoss),
            ValidationLoss = b.ValidationLoss ?? a.ValidationLoss,
        };
    }
}
