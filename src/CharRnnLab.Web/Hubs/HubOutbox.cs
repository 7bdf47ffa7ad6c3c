using System.Threading.Channels;

namespace CharRnnLab.Web.Hubs;

/// <summary>One event for one hub client: the SignalR method and its argument.</summary>
/// <param name="CoalesceKey">Non-null for a message that a newer one with the same key makes stale
/// (a run's latest progress): an unsent one is replaced, so a slow client gets the newest.</param>
public sealed record HubMessage(string Method, object Payload, string? CoalesceKey = null);

/// <summary>
/// The queue of one hub client, drained by its own loop, so a client that reads slowly (a stalled
/// browser tab, a program stuck in a handler) only delays itself. Bounded: a run's latest progress
/// replaces an unsent older one, and beyond <see cref="Capacity"/> the oldest message is dropped
/// (a client that far behind reloads with GetHistory).
/// </summary>
public sealed class HubOutbox : IAsyncDisposable
{
    public const int Capacity = 256;

    private readonly Lock _lock = new();
    private readonly LinkedList<HubMessage> _queue = new();
    private readonly Dictionary<string, LinkedListNode<HubMessage>> _coalescible = [];
    // At most one pending wake-up: the loop drains everything queued each time it wakes.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<HubMessage, CancellationToken, Task> _send;
    private readonly Action<Exception> _failed;
    private readonly Task _pump;

    /// <param name="send">Sends one message to this client (awaits its transport).</param>
    /// <param name="failed">Told about a failed send; the loop carries on with the next message.</param>
    public HubOutbox(Func<HubMessage, CancellationToken, Task> send, Action<Exception> failed)
    {
        _send = send;
        _failed = failed;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Messages waiting (not counting one being sent).</summary>
    public int Count { get { lock (_lock) return _queue.Count; } }

    /// <summary>Messages dropped because the client fell more than <see cref="Capacity"/> behind.</summary>
    public long Dropped { get; private set; }

    /// <summary>Queues without waiting; the caller (the run's publishing thread) never blocks on a client.</summary>
    public void Post(IEnumerable<HubMessage> messages)
    {
        int added = 0;
        lock (_lock)
        {
            foreach (var message in messages)
            {
                Append(message);
                added++;
            }
        }
        if (added > 0) _wake.Writer.TryWrite(true);
    }

    private void Append(HubMessage message)
    {
        if (message.CoalesceKey is { } key && _coalescible.Remove(key, out var stale)) _queue.Remove(stale);
        var node = _queue.AddLast(message);
        if (message.CoalesceKey is { } newKey) _coalescible[newKey] = node;
        while (_queue.Count > Capacity) RemoveOldest();
    }

    private void RemoveOldest()
    {
        var oldest = _queue.First!;
        if (oldest.Value.CoalesceKey is { } key) _coalescible.Remove(key);
        _queue.RemoveFirst();
        Dropped++;
    }

    private bool TryTake(out HubMessage message)
    {
        lock (_lock)
        {
            var first = _queue.First;
            message = first?.Value!;
            if (first is null) return false;
            if (message.CoalesceKey is { } key) _coalescible.Remove(key);
            _queue.RemoveFirst();
            return true;
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            while (true)
            {
                await _wake.Reader.ReadAsync(_stop.Token);
                while (TryTake(out var message))
                {
                    try { await _send(message, _stop.Token); }
                    catch (Exception ex) when (ex is not OperationCanceledException) { _failed(ex); }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>How long disposing waits for a send in flight to give up; a stalled socket must not hold up shutdown.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _pump.WaitAsync(StopTimeout); }
        catch (TimeoutException) { return; } // the pump still holds _stop's token: leave it to the collector
        _stop.Dispose();
    }
}
