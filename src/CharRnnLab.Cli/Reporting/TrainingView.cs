using CharRnnLab.Core.Training;
using Spectre.Console;

namespace CharRnnLab.Cli.Reporting;

/// <summary>
/// How `charrnn train` shows a run: JSON events for programs, a progress bar on a terminal, plain
/// lines otherwise. It also keeps what the closing summary needs. Events arrive on the training
/// thread: a view only formats and writes.
/// </summary>
internal abstract class TrainingView : ITrainingObserver
{
    public double? BestValidationLoss { get; private set; }
    public TrainingProgress? Last { get; private set; }

    /// <summary>The view for `train --json` (<paramref name="json"/>) or for people, by what <paramref name="stderr"/> is.</summary>
    public static TrainingView For(bool json, TextWriter stdout, TextWriter stderr) =>
        json ? new JsonTrainingView(TextWriter.Synchronized(stdout)) // written from the training thread and Ctrl-C's
        : Terminal.IsInteractive(stderr) ? new ProgressBarView(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) }))
        : new LineTrainingView(TextWriter.Synchronized(stderr));

    public void OnProgress(TrainingProgress progress)
    {
        Last = progress;
        if (progress.ValidationLoss is double v && (BestValidationLoss is null || v < BestValidationLoss)) BestValidationLoss = v;
        Show(progress);
    }

    public abstract void OnSample(TrainingSample sample);
    public abstract void OnStateChanged(TrainingStateChange change);
    public abstract void OnCheckpoint(CheckpointSaved saved);

    /// <summary>A line for people: the header, the Ctrl-C notice, the summary (programs reading JSON get none).</summary>
    public abstract void Say(string line);

    /// <summary>Shows the run until <paramref name="completion"/> ends (what a progress bar needs to live).</summary>
    public virtual Task WatchAsync(Task completion) => completion;

    protected abstract void Show(TrainingProgress progress);
}
