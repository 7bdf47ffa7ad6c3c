using CharRnnLab.Core.Numerics;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// A run's loss curve (decimated to a bounded number of points by <see cref="ProgressMerge"/>'s rule), its lowest
/// validation loss and its training samples (at most <see cref="Thinning.MaxSamples"/>, thinned as checkpoints thin
/// them), in memory, for GetHistory and for pages opened mid-run. Also computes the smoothed loss: a debiased
/// exponential moving average, as TensorBoard draws it. Thread-safe.
/// </summary>
public sealed class RunHistoryBuffer(int maxPoints)
{
    /// <summary>EMA weight of the past; 0.98 ≈ averaging the last 50 iterations.</summary>
    public const double SmoothingBeta = 0.98;

    private readonly Lock _lock = new();
    private readonly Decimator<ProgressEvent> _progress = new(maxPoints, ProgressMerge.Merge);
    private readonly List<SampleEvent> _samples = [];
    private double? _bestValidation;
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
            _bestValidation = ProgressMerge.Lower(_bestValidation, point.ValidationLoss);
            return point;
        }
    }

    public SampleEvent Add(string runId, TrainingSample sample)
    {
        var result = new SampleEvent(runId, sample.Iteration, sample.Temperature, sample.Text, sample.TrainLoss);
        lock (_lock) Thinning.Add(_samples, result);
        return result;
    }

    /// <summary>Loads a run's stored history, each row weighted by the points it stands for (replaying the smoothing
    /// once per row, so it continues seamlessly from a curve stored point by point).</summary>
    public void Restore(IEnumerable<StoredProgress> progress, IEnumerable<SampleEvent> samples)
    {
        lock (_lock)
        {
            foreach (var row in progress)
            {
                Smooth(row.Point.TrainLoss);
                _progress.Add(row.Point, row.Points, out _);
                _bestValidation = ProgressMerge.Lower(_bestValidation, row.BestValidationLoss);
            }
            foreach (var sample in samples) Thinning.Add(_samples, sample);
        }
    }

    public (IReadOnlyList<ProgressEvent> Progress, IReadOnlyList<SampleEvent> Samples) Snapshot()
    {
        lock (_lock) return (_progress.All.ToList(), _samples.ToList());
    }

    /// <summary>What GetHistory returns for <paramref name="run"/>: the curve, the samples and the lowest validation loss.</summary>
    public RunHistory ToHistory(RunSummary run)
    {
        lock (_lock) return new RunHistory(run, _progress.All.ToList(), _samples.ToList(), _bestValidation);
    }

    private double Smooth(double loss)
    {
        if (!double.IsFinite(loss)) return loss;
        _ema = SmoothingBeta * _ema + (1 - SmoothingBeta) * loss;
        _emaCount++;
        return _ema / (1 - Math.Pow(SmoothingBeta, _emaCount));
    }
}
