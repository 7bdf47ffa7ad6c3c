using System.Diagnostics;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Bench;

/// <summary>
/// Times the engine from the end of warm-up to the last iteration, as the bare loop is timed, and
/// samples the working set at the end of warm-up and at about ten points after it.
/// </summary>
internal sealed class EngineProbe(int warmup, int iterations) : ITrainingObserver
{
    private readonly Stopwatch _clock = new();
    private readonly int _every = Math.Max(1, iterations / 10);
    private readonly List<WorkingSetPoint> _workingSet = [];

    public double TimedSeconds => _clock.Elapsed.TotalSeconds;
    public double LastLoss { get; private set; }
    public IReadOnlyList<WorkingSetPoint> WorkingSet => _workingSet;

    public void OnProgress(TrainingProgress p)
    {
        LastLoss = p.TrainLoss;
        if (p.Iteration == warmup) _clock.Start();
        if (p.Iteration == p.TotalIterations) _clock.Stop();
        int timed = p.Iteration - warmup;
        if (timed >= 0 && (timed % _every == 0 || p.Iteration == p.TotalIterations))
            _workingSet.Add(new WorkingSetPoint(p.Iteration, Environment.WorkingSet));
    }
}
