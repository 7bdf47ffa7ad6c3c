using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// The one place that decides what a run's state and message are: from each state change the engine
/// announces (<see cref="RunPump"/>), and once more when its session has ended (<see cref="RunManager"/>'s
/// retirement), for a session that ended without announcing it (it faulted, or the server stopped).
/// </summary>
internal static class RunOutcome
{
    public const string Interrupted = "The server stopped during training; resume to continue from the last checkpoint.";

    /// <summary>A run cancelled because the server is stopping is "interrupted": it can be resumed.</summary>
    public static (RunState State, string? Message) Of(LiveRun run, TrainingStateChange change)
    {
        var state = RunStates.From(change.State);
        if (run.ShuttingDown && state is RunState.Cancelled or RunState.Running or RunState.Paused) return (RunState.Interrupted, Interrupted);
        return state == RunState.Running ? (state, null) : (state, change.Message);
    }

    /// <summary>The state to record once the session has ended: the last one announced, unless that was still active.</summary>
    public static (RunState State, string? Message) Final(LiveRun run)
    {
        var summary = run.Summary;
        if (!summary.State.IsActive()) return (summary.State, summary.Message);
        var failure = run.Session.Completion.Exception?.GetBaseException();
        var ended = failure is null ? run.Session.State : TrainingState.Failed;
        return Of(run, new TrainingStateChange(ended, failure?.Message ?? summary.Message));
    }
}
