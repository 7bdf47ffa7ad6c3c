namespace CharRnnLab.Core.Training;

/// <summary>Run lifecycle as front ends show it.</summary>
public enum TrainingState { Idle, Running, Paused, Completed, Cancelled, Failed }

/// <summary>One training iteration's numbers. Losses are in nats per character.</summary>
public sealed record TrainingProgress(
    int Iteration,
    int TotalIterations,
    double Epoch,
    double TrainLoss,
    double? ValidationLoss,
    double LearningRate,
    double GradientNorm,
    double CharsPerSecond,
    TimeSpan Elapsed,
    TimeSpan? Eta)
{
    /// <summary>Bits per character = nats / ln 2.</summary>
    public static double ToBits(double nats) => nats / Math.Log(2);
}

/// <summary>A sample generated during training, to watch the model learn.</summary>
public sealed record TrainingSample(int Iteration, double Temperature, string Text, double TrainLoss);

/// <summary>A change of run state, with a human-readable reason when it failed or stopped.</summary>
public sealed record TrainingStateChange(TrainingState State, string? Message);

/// <summary>A checkpoint written to disk.</summary>
public sealed record CheckpointSaved(int Iteration, string Path);

/// <summary>
/// How a trainer reports. Called on the training thread: implementations must return quickly
/// (queue or throttle) and must not call back into the trainer synchronously.
/// </summary>
public interface ITrainingObserver
{
    void OnProgress(TrainingProgress progress) { }
    void OnSample(TrainingSample sample) { }
    void OnStateChanged(TrainingStateChange change) { }
    void OnCheckpoint(CheckpointSaved saved) { }
}
