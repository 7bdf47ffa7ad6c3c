using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hubs;
using CharRnnLab.Web.Runs;
using Xunit.Abstractions;

namespace CharRnnLab.Web.Tests.Hubs;

/// <summary>One client that stops reading must not delay the others' events (real SignalR connections).</summary>
public sealed class SlowClientTests(ITestOutputHelper output)
{
    // 100 × 256 KB = 25 MB: far beyond the socket buffers of a client that stalls, and fewer
    // messages than an outbox holds, so the normal client loses none however slowly it runs.
    private const int Updates = 100;
    private const int SampleChars = 256 * 1024;

    [Fact]
    public async Task A_client_that_stops_reading_does_not_delay_a_normal_client_and_its_queue_stays_bounded()
    {
        await using var lab = await LabHost.StartAsync();
        await using var stalled = await StalledHubClient.ConnectAsync(lab);
        await using var normal = await lab.ConnectAsync();
        var events = new HubEvents(normal);
        var broadcaster = lab.Service<HubBroadcaster>();
        await Poll.UntilAsync(() => broadcaster.QueueLengths.Count == 2, "both clients to be connected");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var notifier = lab.Service<RunNotifier>();
        string text = new('x', SampleChars);
        for (int i = 1; i <= Updates; i++)
            notifier.Publish(new RunUpdate(Run, [Point(i)], [new SampleEvent(Run.Id, i, 1.0, text, 1.0)], StateChanged: false));

        await Poll.UntilAsync(() => events.Samples.Count == Updates, $"the normal client to get all {Updates} samples", seconds: 30);
        output.WriteLine($"normal client got {Updates} × {SampleChars:N0}-char samples in {clock.ElapsedMilliseconds:N0} ms; " +
                         $"queues: {string.Join(", ", broadcaster.QueueLengths)}");
        Assert.Equal(Enumerable.Range(1, Updates), events.Samples.Select(s => s.Iteration));
        Assert.All(broadcaster.QueueLengths, length => Assert.InRange(length, 0, HubOutbox.Capacity));
        Assert.Contains(broadcaster.QueueLengths, length => length > 0); // the stalled one is really behind
    }

    private static readonly RunSummary Run = new("run-slow", "tiny · 1×16", "tiny", RunState.Running, null, 0, Updates, null, null, 0,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "tiny", RunConfig.Default);

    private static ProgressEvent Point(int iteration) =>
        new(Run.Id, iteration, Updates, 0, 1.0, 1.0, null, 1e-3, 1.0, 100, iteration, null);
}
