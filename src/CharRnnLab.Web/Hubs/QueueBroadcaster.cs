using System.Threading.Channels;
using CharRnnLab.Web.Queue;
using Microsoft.AspNetCore.SignalR;

namespace CharRnnLab.Web.Hubs;

/// <summary>Sends the waiting runs to every hub client as a "queue" event whenever the queue changes.</summary>
public sealed class QueueBroadcaster(RunQueue queue, IHubContext<TrainingHub> hub, ILogger<QueueBroadcaster> logger) : BackgroundService
{
    public const string QueueEvent = "queue";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One pending signal is enough: each send reads the queue as it is then.
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        void OnChanged() => changes.Writer.TryWrite(true);
        queue.Changed += OnChanged;
        try
        {
            await foreach (var _ in changes.Reader.ReadAllAsync(stoppingToken))
            {
                try { await hub.Clients.All.SendAsync(QueueEvent, queue.List(), stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not broadcast the run queue");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            queue.Changed -= OnChanged;
        }
    }
}
