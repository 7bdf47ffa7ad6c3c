using System.Collections.Concurrent;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.SignalR;

namespace CharRnnLab.Web.Hubs;

/// <summary>
/// Forwards run updates from the <see cref="RunNotifier"/> to every hub client, in order: "progress"
/// (the latest iteration of each batch plus every iteration that has a validation loss), "sample"
/// per training sample, and "state" when it changed. Each client has its own bounded
/// <see cref="HubOutbox"/> (its latest progress coalesced), so one slow client never delays the others.
/// </summary>
public sealed class HubBroadcaster(RunNotifier notifier, IHubContext<TrainingHub> hub, ILogger<HubBroadcaster> logger) : IHostedService, IAsyncDisposable
{
    public const string ProgressEvent = "progress";
    public const string SampleEvent = "sample";
    public const string StateEvent = "state";

    private readonly ConcurrentDictionary<string, HubOutbox> _outboxes = new();
    private IDisposable? _subscription;

    /// <summary>Messages waiting per connected client (for tests and diagnostics).</summary>
    internal IReadOnlyList<int> QueueLengths => _outboxes.Values.Select(o => o.Count).ToList();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(Post);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Called by the hub when a client connects: from now on it gets the events.</summary>
    public void Connect(string connectionId)
    {
        var client = hub.Clients.Client(connectionId);
        _outboxes.TryAdd(connectionId, new HubOutbox(
            (message, cancel) => client.SendAsync(message.Method, message.Payload, cancel),
            ex => logger.LogWarning(ex, "Could not send a run update to hub client {ConnectionId}", connectionId)));
    }

    public async Task DisconnectAsync(string connectionId)
    {
        if (_outboxes.TryRemove(connectionId, out var outbox)) await outbox.DisposeAsync();
    }

    private void Post(RunUpdate update)
    {
        var messages = Messages(update);
        foreach (var outbox in _outboxes.Values) outbox.Post(messages);
    }

    /// <summary>One update as hub messages: validation points, then the latest point (coalescible per run), samples, state.</summary>
    internal static IReadOnlyList<HubMessage> Messages(RunUpdate update)
    {
        var messages = new List<HubMessage>();
        var latest = update.Progress.Count > 0 ? update.Progress[^1] : null;
        foreach (var point in update.Progress.Where(p => p.ValidationLoss is not null && p != latest))
            messages.Add(new HubMessage(ProgressEvent, point));
        if (latest is not null)
            messages.Add(new HubMessage(ProgressEvent, latest, latest.ValidationLoss is null ? update.Run.Id : null));
        foreach (var sample in update.Samples)
            messages.Add(new HubMessage(SampleEvent, sample));
        if (update.StateChanged)
            messages.Add(new HubMessage(StateEvent, new Contracts.StateEvent(update.Run.Id, update.Run.State, update.Run.Message)));
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
        foreach (var connectionId in _outboxes.Keys) await DisconnectAsync(connectionId);
    }
}
