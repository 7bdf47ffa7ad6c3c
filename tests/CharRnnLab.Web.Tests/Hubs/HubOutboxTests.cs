using System.Collections.Concurrent;
using CharRnnLab.Web.Hubs;

namespace CharRnnLab.Web.Tests.Hubs;

public sealed class HubOutboxTests
{
    /// <summary>A client whose first send hangs until <see cref="Release"/>; records what it was sent, in order.</summary>
    private sealed class StuckClient
    {
        private readonly TaskCompletionSource _stuck = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource FirstSendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<HubMessage> Sent { get; } = new();
        public ConcurrentQueue<Exception> Failures { get; } = new();

        public async Task SendAsync(HubMessage message, CancellationToken cancel)
        {
            if (FirstSendStarted.TrySetResult()) await _stuck.Task.WaitAsync(cancel);
            if (message.Payload is Exception failure) throw failure;
            Sent.Enqueue(message);
        }

        public void Release() => _stuck.TrySetResult();

        /// <summary>An outbox for this client whose first message ("sample 0") is in flight and stuck.</summary>
        public async Task<HubOutbox> StuckOutboxAsync()
        {
            var outbox = new HubOutbox(SendAsync, Failures.Enqueue);
            outbox.Post([Sample(0)]);
            await FirstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return outbox;
        }
    }

    private static HubMessage Progress(string run, int iteration) => new(HubBroadcaster.ProgressEvent, iteration, run);
    private static HubMessage Sample(int iteration) => new(HubBroadcaster.SampleEvent, iteration);

    [Fact]
    public async Task While_a_client_is_stuck_its_runs_progress_is_coalesced_to_the_latest_and_nothing_else_is_lost()
    {
        var client = new StuckClient();
        await using var outbox = await client.StuckOutboxAsync();

        for (int i = 1; i <= 100; i++)
            outbox.Post(i % 25 == 0 ? [Progress("a", i), Progress("b", i), Sample(i)] : [Progress("a", i), Progress("b", i)]);
        Assert.Equal(2 + 4, outbox.Count); // a's and b's latest, and the four samples

        client.Release();
        await Poll.UntilAsync(() => client.Sent.Count == 7, "every queued message to be sent");
        Assert.Equal(["sample 0", "sample 25", "sample 50", "sample 75", "progress 100 a", "progress 100 b", "sample 100"],
            client.Sent.Select(m => $"{m.Method} {m.Payload}{(m.CoalesceKey is null ? "" : " " + m.CoalesceKey)}"));
    }

    [Fact]
    public async Task A_client_further_behind_than_the_capacity_loses_its_oldest_messages_and_the_queue_stays_bounded()
    {
        var client = new StuckClient();
        await using var outbox = await client.StuckOutboxAsync();

        outbox.Post(Enumerable.Range(1, HubOutbox.Capacity + 10).Select(Sample));

        Assert.Equal(HubOutbox.Capacity, outbox.Count);
        Assert.Equal(10, outbox.Dropped);
        client.Release();
        await Poll.UntilAsync(() => client.Sent.Count == HubOutbox.Capacity + 1, "the kept messages to be sent");
        Assert.Equal(11, client.Sent.ElementAt(1).Payload);
    }

    [Fact]
    public async Task A_failed_send_is_reported_and_the_next_message_still_goes()
    {
        var client = new StuckClient();
        client.Release();
        await using var outbox = new HubOutbox(client.SendAsync, client.Failures.Enqueue);

        outbox.Post([new HubMessage(HubBroadcaster.SampleEvent, new InvalidOperationException("gone")), Sample(1)]);

        await Poll.UntilAsync(() => client.Sent.Count == 1, "the message after the failure");
        Assert.Equal("gone", Assert.Single(client.Failures).Message);
    }

    [Fact]
    public async Task Disposing_does_not_wait_forever_for_a_send_that_ignores_cancellation()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outbox = new HubOutbox((_, _) => { started.TrySetResult(); return Task.Delay(Timeout.Infinite); }, _ => { });
        outbox.Post([Sample(1)]);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await outbox.DisposeAsync();

        Assert.InRange(clock.Elapsed, HubOutbox.StopTimeout * 0.9, HubOutbox.StopTimeout * 3);
    }
}
