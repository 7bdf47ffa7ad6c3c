using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// One batch of news about a run, published at most a few times a second.
/// </summary>
/// <param name="Run">The run as it is now.</param>
/// <param name="Progress">New iterations since the last update, oldest first.</param>
/// <param name="Samples">New training samples since the last update.</param>
/// <param name="StateChanged">The run's state (or its message) changed with this update.</param>
/// <param name="HistoryReset">The run restarted from a checkpoint: earlier points after it are gone; reload the history.</param>
public sealed record RunUpdate(
    RunSummary Run,
    IReadOnlyList<ProgressEvent> Progress,
    IReadOnlyList<SampleEvent> Samples,
    bool StateChanged,
    bool HistoryReset = false);

/// <summary>
/// The in-process stream of run updates: the SignalR broadcaster and every open page subscribe
/// here, so the browser and hub clients see the same events. Handlers run on the publishing
/// thread and must return quickly (components hop to their dispatcher with InvokeAsync).
/// </summary>
public sealed class RunNotifier(ILogger<RunNotifier> logger)
{
    private readonly Lock _lock = new();
    private Action<RunUpdate>[] _handlers = [];

    /// <summary>Starts delivering updates to <paramref name="handler"/>; dispose the result to stop.</summary>
    public IDisposable Subscribe(Action<RunUpdate> handler)
    {
        lock (_lock) _handlers = [.. _handlers, handler];
        return new Subscription(() => { lock (_lock) _handlers = _handlers.Where(h => h != handler).ToArray(); });
    }

    public int SubscriberCount => Volatile.Read(ref _handlers).Length;

    public void Publish(RunUpdate update)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try { handler(update); }
            catch (Exception ex) { logger.LogWarning(ex, "A run update subscriber failed for run {RunId}", update.Run.Id); }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;
        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
