using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// What runs left on disk: the iteration of a run's last checkpoint, and, at start-up, the runs a
/// previous server left "running" or "paused" (it stopped or crashed), which become interrupted.
/// </summary>
internal sealed class RunRecovery(RunStore store, Func<string, string> runDirectory, ILogger logger)
{
    /// <summary>The iteration saved in the run's checkpoint, or null when it has none (or it cannot be read).</summary>
    public int? CheckpointIteration(string runId)
    {
        try
        {
            var directory = runDirectory(runId);
            return CheckpointFile.Exists(directory) ? CheckpointFile.ReadMetadata(directory).Iteration : null;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not read the checkpoint of run {RunId}", runId);
            return null;
        }
    }

    public void MarkInterruptedRuns()
    {
        foreach (var run in store.ListRuns().Where(r => r.State.IsActive()))
        {
            var checkpoint = CheckpointIteration(run.Id);
            store.Update(run with
            {
                State = RunState.Interrupted,
                CheckpointIteration = checkpoint ?? run.CheckpointIteration,
                Message = checkpoint is { } at
                    ? $"The server stopped while this run was training; resume to continue from the checkpoint at iteration {at}."
                    : "The server stopped while this run was training, before its first checkpoint; start a new run.",
            });
        }
    }
}
