using System.Threading.Channels;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.SignalR;

namespace CharRnnLab.Web.Hubs;

/// <summary>
/// Forwards run updates from the <see cref="RunNotifier"/> to every hub client, in order, on
/// one background loop: "progress" (the latest iteration of each batch plus every iteration
/// that has a validation loss), "sample" per training sample, and "state" when it changed.
/// </summary>
public sealed class HubBroadcaster(RunNotifier notifier, IHubContext<TrainingHub> hub, ILogger<HubBroadcaster> logger) : BackgroundService
{
    public const string ProgressEvent = "progress";
    public const string SampleEvent = "sample";
    public const string StateEvent = "state";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = Channel.CreateUnbounded<RunUpdate>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = notifier.Subscribe(update => queue.Writer.TryWrite(update));
        try
        {
            await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try { await SendAsync(update, stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not broadcast an update of run {RunId}", update.Run.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(RunUpdate update, CancellationToken cancellationToken)
    {
        var clients = hub.Clients.All;
        var latest = update.Progress.Count > 0 ? update.Progress[^1] : null;
        foreach (var point in update.Progress.Where(p => p.ValidationLoss is not null && p != latest))
            await clients.SendAsync(ProgressEvent, point, cancellationToken);
        if (latest is not null) await clients.SendAsync(ProgressEvent, latest, cancellationToken);
        foreach (var sample in update.Samples)
            await clients.SendAsync(SampleEvent, sample, cancellationToken);
        if (update.StateChanged)
            await clients.SendAsync(StateEvent, new Contracts.StateEvent(update.Run.Id, update.Run.State, update.Run.Message), cancellationToken);
    }
}
