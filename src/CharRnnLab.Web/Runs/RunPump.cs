using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// Drains a live run's queued engine events at most <c>UpdatesPerSecond</c> times a second:
/// records them (memory and SQLite, one transaction per batch) and publishes one
/// <see cref="RunUpdate"/> per batch. Runs on the thread pool, never on the training lane.
/// </summary>
public sealed class RunPump(RunStore store, RunNotifier notifier, TimeSpan interval, ILogger logger)
{
    /// <summary>Pumps until the run's event queue completes, then drains what is left.</summary>
    public async Task RunAsync(LiveRun run)
    {
        var reader = run.Events;
        while (await reader.WaitToReadAsync())
        {
            Drain(run);
            await Task.Delay(interval);
        }
        Drain(run);
    }

    private void Drain(LiveRun run)
    {
        var progress = new List<ProgressEvent>();
        var samples = new List<SampleEvent>();
        var summary = run.Summary;
        bool stateChanged = false, any = false;
        while (run.Events.TryRead(out var item))
        {
            any = true;
            switch (item)
            {
                case TrainingProgress p:
                    progress.Add(run.History.Add(run.Id, p));
                    summary = summary with
                    {
                        Iteration = p.Iteration,
                        TotalIterations = p.TotalIterations,
                        TrainLoss = p.TrainLoss,
                        ValidationLoss = p.ValidationLoss ?? summary.ValidationLoss,
                    };
                    break;
                case TrainingSample s:
                    samples.Add(run.History.Add(run.Id, s));
                    break;
                case TrainingStateChange change:
                    var (state, message) = RunOutcome.Of(run, change);
                    if (state == summary.State && message == summary.Message) break;
                    summary = summary with { State = state, Message = message };
                    stateChanged = true;
                    break;
                case CheckpointSaved saved:
                    summary = summary with { CheckpointIteration = saved.Iteration };
                    break;
            }
        }
        if (!any) return;
        summary = summary with { UpdatedAt = DateTimeOffset.UtcNow };
        run.Summary = summary;
        try { store.Append(summary, progress, samples); }
        catch (Exception ex) { logger.LogError(ex, "Could not save progress of run {RunId}", run.Id); }
        notifier.Publish(new RunUpdate(summary, progress, samples, stateChanged));
    }
}
