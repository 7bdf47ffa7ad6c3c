using System.Security.Cryptography;
using CharRnnLab.Core;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Queue;

/// <summary>
/// Runs waiting for the lab's training slot. The lab still trains one run at a time: whenever
/// the slot is free (at start-up, after an enqueue, when a run finishes, stops or fails) the
/// first entry is started through <see cref="RunManager.StartAsync(StartRunRequest)"/>. An entry whose start is
/// refused for a reason other than a busy slot (e.g. its corpus was deleted) leaves the queue and
/// the reason is kept in <see cref="LastProblem"/>. The queue lives in the database, so it survives
/// a restart. <see cref="Changed"/> fires after every change (handlers must return quickly).
/// </summary>
public sealed class RunQueue(RunQueueStore store, RunManager runs, RunNotifier notifier, ILogger<RunQueue> logger) : IHostedService
{
    private readonly SemaphoreSlim _advancing = new(1, 1);
    private readonly Lock _edit = new();
    private IDisposable? _subscription;
    private volatile bool _stopped;

    /// <summary>Raised after the queue changed: an entry added, moved, removed or started.</summary>
    public event Action? Changed;

    /// <summary>Why the last entry that left the queue without starting could not start.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>The waiting entries, first in line first.</summary>
    public IReadOnlyList<QueuedRun> List() => store.Pending();

    /// <summary>The run a queue entry became once it started, else null.</summary>
    public string? RunIdOf(string queueId) => store.RunIdOf(queueId);

    /// <summary>Adds runs at the end of the line (all or none: every request is checked first).</summary>
    public IReadOnlyList<QueuedRun> Enqueue(IReadOnlyList<StartRunRequest> requests)
    {
        if (requests.Count == 0) throw new LabException("Nothing to enqueue: give at least one run's settings.");
        var problems = requests.SelectMany((r, i) => RunRequests.Read(r).Errors.Select(e => requests.Count == 1 ? e.Message : $"Run {i + 1}: {e.Message}")).ToList();
        if (problems.Count > 0) throw new LabException(string.Join(" ", problems));
        var now = DateTimeOffset.UtcNow;
        var entries = requests.Select(r => new QueuedRun(NewId(), r, now)).ToList();
        lock (_edit) store.Append(entries);
        AfterChange();
        return entries;
    }

    public void Remove(string queueId)
    {
        lock (_edit)
        {
            Require(queueId);
            store.Remove(queueId);
        }
        AfterChange();
    }

    /// <summary>Moves an entry <paramref name="offset"/> places (−1 = one up, towards the front), stopping at either end.</summary>
    public void Move(string queueId, int offset)
    {
        lock (_edit)
        {
            var ids = store.Pending().Select(e => e.Id).ToList();
            int from = ids.IndexOf(queueId);
            if (from < 0) throw Unknown(queueId);
            int to = Math.Clamp(from + offset, 0, ids.Count - 1);
            ids.RemoveAt(from);
            ids.Insert(to, queueId);
            store.Reorder(ids);
        }
        AfterChange();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(update =>
        {
            if (update.StateChanged && !update.Run.State.IsActive()) _ = AdvanceAsync();
        });
        _ = AdvanceAsync();
        return Task.CompletedTask;
    }

    /// <summary>Stops starting runs before the run manager interrupts the live ones on shutdown.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Starts queued runs while the slot is free. One pass at a time; a pass that finds the slot taken ends.</summary>
    public async Task AdvanceAsync()
    {
        await _advancing.WaitAsync();
        try
        {
            while (!_stopped && runs.BusyReason is null && List() is [var next, ..])
                await StartAsync(next);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The run queue could not advance");
        }
        finally
        {
            _advancing.Release();
        }
    }

    private async Task StartAsync(QueuedRun next)
    {
        try
        {
            var run = await runs.StartAsync(next.Request);
            store.MarkStarted(next.Id, run.Id);
        }
        catch (CharRnnException) when (runs.BusyReason is not null)
        {
            return; // someone took the slot first: wait for it to free again
        }
        catch (CharRnnException ex)
        {
            store.Remove(next.Id);
            LastProblem = $"Queued run '{next.Name}' could not start, so it left the queue: {ex.Message}";
        }
        Changed?.Invoke();
    }

    private void AfterChange()
    {
        Changed?.Invoke();
        _ = AdvanceAsync();
    }

    private void Require(string queueId)
    {
        if (!store.Pending().Any(e => e.Id == queueId)) throw Unknown(queueId);
    }

    private static LabException Unknown(string queueId) =>
        new($"There is no run '{queueId}' waiting in the queue (it may have started already). ListQueue shows the waiting runs.");

    private static string NewId() => "q-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
}
