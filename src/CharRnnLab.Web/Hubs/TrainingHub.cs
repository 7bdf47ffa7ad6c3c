using CharRnnLab.Core.Corpora;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;
using Microsoft.AspNetCore.SignalR;

namespace CharRnnLab.Web.Hubs;

/// <summary>
/// The lab's SignalR hub at /hubs/training, for any SignalR client (the contract is in
/// docs/signalr.md). Server→client events: "progress", "sample", "state" (see
/// <see cref="HubBroadcaster"/>) and "queue" (<see cref="QueueBroadcaster"/>). Refusals arrive as HubException errors with a readable
/// message; the connection stays open.
/// </summary>
public sealed class TrainingHub(RunManager runs, RunSampler sampler, ILabCorpora corpora, HubBroadcaster broadcaster, RunQueue queue) : Hub
{
    public const string Path = "/hubs/training";

    public override Task OnConnectedAsync()
    {
        broadcaster.Connect(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception) => broadcaster.DisconnectAsync(Context.ConnectionId);

    /// <summary>Starts a run; returns its id. Progress then arrives as events.</summary>
    public async Task<string> StartRun(StartRunRequest request)
    {
        if (request is null) throw new HubException("StartRun needs a request object, e.g. { corpusId: \"…\", layers: 2, hidden: 128 }.");
        return (await runs.StartAsync(request)).Id;
    }

    public void PauseRun(string runId) => runs.Pause(runId);

    /// <summary>Resumes a paused run, or an interrupted/stopped one from its checkpoint.</summary>
    public async Task ResumeRun(string runId) => await runs.ResumeAsync(runId);

    public void StopRun(string runId) => runs.Stop(runId);

    /// <summary>Trains a finished or stopped run further, from its checkpoint.</summary>
    public Task<RunSummary> ContinueRun(string runId, int additionalIterations) => runs.ContinueAsync(runId, additionalIterations);

    public Task<RunHistory> GetHistory(string runId) => runs.GetHistoryAsync(runId, Context.ConnectionAborted);

    public IReadOnlyList<RunSummary> ListRuns() => runs.List();

    public IReadOnlyList<CorpusInfo> ListCorpora() => corpora.List();

    /// <summary>The runs waiting for the training slot, first in line first.</summary>
    public IReadOnlyList<QueuedRun> ListQueue() => queue.List();

    /// <summary>Adds runs at the end of the queue (all or none); each starts by itself when the slot frees.</summary>
    public IReadOnlyList<QueuedRun> EnqueueRuns(StartRunRequest[] requests)
    {
        if (requests is null) throw new HubException("EnqueueRuns needs an array of run requests, e.g. [{ corpusId: \"…\", cell: \"gru\" }].");
        return queue.Enqueue(requests);
    }

    public void RemoveQueued(string queueId) => queue.Remove(queueId);

    /// <summary>Moves a waiting run <paramref name="offset"/> places: −1 one up (sooner), +1 one down.</summary>
    public void MoveQueued(string queueId, int offset) => queue.Move(queueId, offset);

    /// <summary>The run a queue entry became once it started, else null.</summary>
    public string? QueuedRunId(string queueId) => queue.RunIdOf(queueId);

    /// <summary>Samples from the run's current weights (or its checkpoint); <paramref name="temperature"/> 0 = greedy.</summary>
    public Task<SampleResult> Sample(string runId, double temperature, string? prime, int length, int? seed) =>
        sampler.SampleAsync(runId, temperature, prime, length, seed, Context.ConnectionAborted);

    /// <summary>
    /// Samples the unedited and the edited continuation side by side from one seed (drawn once when null).
    /// <paramref name="interventions"/> are edits in the CLI syntax with an optional verb ("1:c:62=-0.76@13",
    /// "ablate:1:h:5", "scale:2:c:40=0.5"). A separate method, not a sixth argument of Sample: SignalR binds
    /// arguments by position and count, so an optional one would break every five-argument caller.
    /// </summary>
    public Task<PairedSampleResult> SampleEdited(string runId, double temperature, string? prime, int length, int? seed, string[]? interventions)
    {
        var edits = EditLinks.Parse(interventions ?? []);
        if (edits.Errors.Count > 0) throw new LabException(string.Join(" ", edits.Errors));
        return sampler.SamplePairedAsync(runId, temperature, prime, length, seed, edits.Edits, Context.ConnectionAborted);
    }
}
