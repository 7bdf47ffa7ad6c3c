using System.Collections.Concurrent;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Storage;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// Owns every training run of the lab, independent of browser circuits: starts sessions on
/// the lab's compute lane, pauses, resumes and stops them, keeps their live state, and
/// restores past runs from the database. Closing a tab changes nothing here.
/// </summary>
public sealed class RunManager : IHostedService, IRunHistorySource
{
    private readonly LabOptions _options;
    private readonly RunStore _store;
    private readonly ILabCorpora _corpora;
    private readonly RunNotifier _notifier;
    private readonly RunPump _pump;
    private readonly ILogger<RunManager> _logger;
    private readonly ConcurrentDictionary<string, LiveRun> _live = new();
    private readonly ConcurrentDictionary<string, Task> _pumps = new();
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly RunFiles _files;
    private readonly RunAdmission _admission;

    public RunManager(IOptions<LabOptions> options, RunStore store, RunFiles files, ILabCorpora corpora, RunNotifier notifier,
        LabComputeLane lane, ILogger<RunManager> logger)
    {
        _options = options.Value;
        _store = store;
        _corpora = corpora;
        _notifier = notifier;
        Lane = lane.Lane;
        _logger = logger;
        _pump = new RunPump(store, notifier, TimeSpan.FromSeconds(1.0 / _options.UpdatesPerSecond), logger);
        _files = files;
        _admission = new RunAdmission(_options);
    }

    /// <summary>The lane all training and sampling runs on.</summary>
    public ComputeLane Lane { get; }

    public IReadOnlyList<RunSummary> List() =>
        _store.ListRuns().Select(r => _live.TryGetValue(r.Id, out var live) ? live.Summary : r).ToList();

    public RunSummary? Find(string runId) =>
        _live.TryGetValue(runId, out var live) ? live.Summary : _store.FindRun(runId);

    /// <summary>The run that is training (or paused) now, else null.</summary>
    public RunSummary? Active => _live.Values.Select(l => l.Summary).Where(s => s.State.IsActive())
        .OrderByDescending(s => s.CreatedAt).FirstOrDefault();

    internal LiveRun? Live(string runId) => _live.GetValueOrDefault(runId);

    /// <summary>The run, or a <see cref="LabException"/> saying it does not exist.</summary>
    public RunSummary Get(string runId) => Require(runId);

    /// <summary>
    /// The run, its loss curve (at most Lab:MaxChartPoints points) and its samples, read on the
    /// thread pool. A stored run's metrics stream through the decimator, never all in memory.
    /// </summary>
    public Task<RunHistory> GetHistoryAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.Run(() => ReadHistory(runId, cancellationToken), cancellationToken);

    private RunHistory ReadHistory(string runId, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(runId, out var live)) return live.History.ToHistory(live.Summary);
        var run = Require(runId);
        var buffer = new RunHistoryBuffer(_options.MaxChartPoints);
        buffer.Restore(_store.StreamProgress(runId, cancellationToken), _store.ReadSamples(runId));
        return buffer.ToHistory(run);
    }

    /// <summary>Starts a run: Core's limits and the lab's (<see cref="RunAdmission"/>) first, then a session on the lab's lane.
    /// A failure after the run's folder exists disposes the session and removes the folder: nothing is left behind.</summary>
    public async Task<RunSummary> StartAsync(StartRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = _admission.Admit(request);

        await _launch.WaitAsync();
        try
        {
            EnsureSlot();
            var corpus = await Task.Run(() => _corpora.Load(request.CorpusId));
            _admission.CheckMemory(config, corpus.Vocabulary.Count);
            var now = DateTimeOffset.UtcNow;
            var id = RunIds.New(now);
            var name = string.IsNullOrWhiteSpace(request.Name) ? $"{corpus.Name} · {config.Model.Layers}×{config.Model.Hidden}" : request.Name.Trim();
            var summary = new RunSummary(id, name, corpus.Name, RunState.Running, null, 0, 0, null, null, null, now, now, request.CorpusId, config);
            var directory = _files.Create(id);
            var live = new LiveRun(summary, new RunHistoryBuffer(_options.MaxChartPoints));
            try
            {
                live.Attach(await Task.Run(() => TrainingSession.Create(corpus, config.Model, config.Training, directory, live, Lane)));
                live.Summary = summary = summary with { TotalIterations = live.Session.TotalIterations };
                _store.Insert(summary);
            }
            catch
            {
                await AbandonAsync(live);
                throw;
            }
            Launch(live, historyReset: false);
            return summary;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>Undoes a start that failed: disposes the session (waiting until it ends, so nothing writes to the folder after) and removes the folder.</summary>
    private async Task AbandonAsync(LiveRun live)
    {
        if (live.Session is { } session)
        {
            session.Dispose();
            try { await session.Completion; }
            catch (Exception ex) { _logger.LogDebug(ex, "The abandoned session of run {RunId} ended with an error", live.Id); }
        }
        _files.Abandon(live.Id);
    }

    public void Pause(string runId) => RequireLive(runId, "pause").Session.Pause();

    /// <summary>Resumes a paused run, or continues an interrupted/stopped one from its checkpoint.</summary>
    public async Task<RunSummary> ResumeAsync(string runId)
    {
        if (_live.TryGetValue(runId, out var live) && live.Summary.State.IsActive())
        {
            if (live.Summary.State == RunState.Running) throw new LabException($"Run {runId} is already running.");
            live.Session.Resume();
            return live.Summary;
        }
        await RetiredAsync(runId);
        var run = Require(runId);
        if (run.State == RunState.Completed)
            throw new LabException($"Run {runId} completed all its {run.TotalIterations} iterations. Use ContinueRun with more iterations to train it further.");
        if (run.CheckpointIteration is null)
            throw new LabException($"Run {runId} stopped before its first checkpoint (every {run.Config.Training.CheckpointEvery} iterations), so there is nothing to resume. Start a new run.");
        return await RelaunchAsync(run, overrides: null);
    }

    /// <summary>Trains a stopped run for <paramref name="additionalIterations"/> more iterations from its checkpoint.</summary>
    public async Task<RunSummary> ContinueAsync(string runId, int additionalIterations)
    {
        if (additionalIterations is < 1 or > RunSettings.MaxIterations)
            throw new LabException($"Additional iterations must be between 1 and {RunSettings.MaxIterations:N0} (got {additionalIterations}).");
        if (_live.TryGetValue(runId, out var live) && live.Summary.State.IsActive())
            throw new LabException($"Run {runId} is still training; pause or stop it before continuing it.");
        await RetiredAsync(runId);
        var run = Require(runId);
        if (run.CheckpointIteration is not { } from)
            throw new LabException($"Run {runId} has no checkpoint to continue from. Start a new run.");
        if ((long)from + additionalIterations > RunSettings.MaxIterations)
            throw new LabException($"Run {runId} is at iteration {from:N0}; {additionalIterations:N0} more would pass the limit of " +
                $"{RunSettings.MaxIterations:N0} iterations. Ask for at most {RunSettings.MaxIterations - from:N0}.");
        // The run's own settings (optimizer, schedule, split: what its checkpoint was trained with), only longer.
        var training = _admission.WithLabThreads(run.Config).Training with { Iterations = from + additionalIterations };
        return await RelaunchAsync(run, training);
    }

    /// <summary>Waits while a run that has just ended is being retired (its final state recorded, its slot freed).</summary>
    private async Task RetiredAsync(string runId)
    {
        if (_pumps.TryGetValue(runId, out var pump)) await pump;
    }

    public void Stop(string runId) => RequireLive(runId, "stop").Session.Cancel();

    /// <summary>Deletes a run that is not training: its database rows and its checkpoint folder. It takes the lock
    /// that starts and resumes take, so a run cannot be resumed while it is being deleted, nor deleted while it resumes:
    /// whichever comes second is refused (the run is training, or there is no such run).</summary>
    public async Task DeleteAsync(string runId)
    {
        await _launch.WaitAsync();
        try
        {
            if (_live.ContainsKey(runId)) throw new LabException($"Run {runId} is still training; stop it before deleting it.");
            Require(runId);
            _store.Delete(runId);
            _files.Delete(runId);
        }
        finally
        {
            _launch.Release();
        }
    }

    public string RunDirectory(string runId) => _files.Directory(runId);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>On shutdown, stops every live run (each saves a checkpoint) and marks it interrupted.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var live in _live.Values)
        {
            live.ShuttingDown = true;
            live.Session.Cancel();
        }
        await Task.WhenAny(Task.WhenAll(_pumps.Values), Task.Delay(TimeSpan.FromSeconds(20), cancellationToken));
    }

    private async Task<RunSummary> RelaunchAsync(RunSummary run, TrainingConfig? overrides)
    {
        if (!run.HasCorpus())
            throw RunCorpus.Missing(run, "the lab cannot train it further; use charrnn train --resume with the text it learned from");
        await _launch.WaitAsync();
        try
        {
            EnsureSlot();
            if (_live.ContainsKey(run.Id)) throw new LabException($"Run {run.Id} is already training.");
            Require(run.Id); // a delete that held the lock before us has removed it: refuse, start nothing
            var corpus = await Task.Run(() => _corpora.Load(run.CorpusId));
            var directory = RunDirectory(run.Id);
            var checkpoint = CheckpointFile.ReadMetadata(directory);
            _store.TruncateAfter(run.Id, checkpoint.Iteration);
            var history = new RunHistoryBuffer(_options.MaxChartPoints);
            history.Restore(_store.StreamProgress(run.Id), _store.ReadSamples(run.Id));
            var summary = run with { State = RunState.Running, Message = null, Iteration = checkpoint.Iteration, CheckpointIteration = checkpoint.Iteration, UpdatedAt = DateTimeOffset.UtcNow };
            var live = new LiveRun(summary, history);
            live.Attach(await Task.Run(() => TrainingSession.FromCheckpoint(directory, corpus, live, overrides, Lane)));
            live.Summary = summary = summary with { TotalIterations = live.Session.TotalIterations, Config = run.Config with { Training = live.Session.Training } };
            try { _store.Update(summary); }
            catch
            {
                live.Session.Dispose();
                throw;
            }
            Launch(live, historyReset: true);
            return summary;
        }
        finally
        {
            _launch.Release();
        }
    }

    private void Launch(LiveRun live, bool historyReset)
    {
        _live[live.Id] = live;
        _pumps[live.Id] = PumpAsync(live);
        _ = live.Session.Completion.ContinueWith(_ => live.CompleteEvents(), TaskScheduler.Default);
        live.Session.Start();
        _notifier.Publish(new RunUpdate(live.Summary, [], [], StateChanged: true, HistoryReset: historyReset));
    }

    private async Task PumpAsync(LiveRun live)
    {
        try { await _pump.RunAsync(live); }
        catch (Exception ex) { _logger.LogError(ex, "The event pump of run {RunId} failed", live.Id); }
        finally { Retire(live); }
    }

    /// <summary>The session ended: record its final state, free its slot, tell everyone. A database that fails
    /// here is logged; the slot is freed all the same (the run's checkpoint is on disk).</summary>
    private void Retire(LiveRun live)
    {
        var (state, message) = RunOutcome.Final(live);
        var checkpoint = _files.CheckpointIteration(live.Id);
        var summary = live.Summary with
        {
            State = state, Message = message, CheckpointIteration = checkpoint ?? live.Summary.CheckpointIteration, UpdatedAt = DateTimeOffset.UtcNow,
        };
        live.Summary = summary;
        try { _store.Update(summary); }
        catch (Exception ex) { _logger.LogError(ex, "Could not record the end of run {RunId} ({State})", live.Id, state.Wire()); }
        finally
        {
            _live.TryRemove(live.Id, out _);
            _pumps.TryRemove(live.Id, out _);
            live.Session.Dispose();
        }
        _notifier.Publish(new RunUpdate(summary, [], [], StateChanged: true));
    }

    /// <summary>Why no run can start now (every training slot is taken), or null when one can.</summary>
    public string? BusyReason => _admission.SlotRefusal(_live.Values.Select(l => l.Summary).Where(s => s.State.IsActive()).ToList());

    private void EnsureSlot()
    {
        if (BusyReason is { } reason) throw new LabException(reason);
    }

    private RunSummary Require(string runId) =>
        (RunIds.IsWellFormed(runId) ? Find(runId) : null) ?? throw new LabException($"There is no run '{runId}'. ListRuns shows the runs this lab knows.");

    private LiveRun RequireLive(string runId, string action)
    {
        if (_live.TryGetValue(runId, out var live)) return live;
        var run = Require(runId);
        throw new LabException($"Run {runId} is not training (it is {run.State.Wire()}), so there is nothing to {action}.");
    }
}
