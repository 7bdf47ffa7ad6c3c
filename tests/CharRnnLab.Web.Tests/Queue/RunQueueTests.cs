using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Queue;

/// <summary>The run queue in a real lab: one run holds the slot while the queue is edited, then the queue advances.</summary>
public sealed class RunQueueTests : IDisposable
{
    private readonly string _data = LabHost.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static StartRunRequest Named(string corpusId, string name) => LabHost.TinyRun(corpusId) with { Name = name };

    /// <summary>Starts a long run by hand so queued runs must wait.</summary>
    private static async Task<string> HoldSlotAsync(LabHost lab, string corpusId) =>
        (await lab.Service<RunManager>().StartAsync(Named(corpusId, "holder"))).Id;

    private static IEnumerable<string> Names(RunQueue queue) => queue.List().Select(e => e.Name);

    [Fact]
    public async Task Queued_runs_wait_for_the_slot_can_be_moved_and_removed_and_start_in_order_when_it_frees()
    {
        await using var lab = await LabHost.StartAsync(_data);
        var corpusId = await lab.AddCorpusAsync();
        var runs = lab.Service<RunManager>();
        var queue = lab.Service<RunQueue>();
        var holder = await HoldSlotAsync(lab, corpusId);

        var entries = queue.Enqueue([Named(corpusId, "a"), Named(corpusId, "b"), Named(corpusId, "c")]);
        Assert.Equal(["a", "b", "c"], Names(queue));
        queue.Move(entries[2].Id, -1);
        Assert.Equal(["a", "c", "b"], Names(queue));
        queue.Move(entries[1].Id, -10); // stops at the front
        Assert.Equal(["b", "a", "c"], Names(queue));
        queue.Remove(entries[0].Id);
        Assert.Equal(["b", "c"], Names(queue));
        Assert.Contains(entries[0].Id, Assert.Throws<LabException>(() => queue.Remove(entries[0].Id)).Message);
        Assert.Equal(holder, runs.Active!.Id);

        await lab.StopRunAsync(holder);

        await Poll.UntilAsync(() => queue.RunIdOf(entries[1].Id) is not null, "the first in line to start");
        var started = runs.Get(queue.RunIdOf(entries[1].Id)!);
        Assert.Equal(("b", RunState.Running), (started.Name, started.State));
        Assert.Equal(["c"], Names(queue));
        await lab.StopRunAsync(started.Id);
        await Poll.UntilAsync(() => queue.List().Count == 0, "the last in line to start");
        await lab.StopRunAsync(queue.RunIdOf(entries[2].Id)!);
    }

    [Fact]
    public async Task The_queue_survives_a_restart_and_nothing_starts_while_the_server_shuts_down()
    {
        IReadOnlyList<QueuedRun> entries;
        string holder;
        await using (var first = await LabHost.StartAsync(_data))
        {
            var corpusId = await first.AddCorpusAsync();
            holder = await HoldSlotAsync(first, corpusId);
            entries = first.Service<RunQueue>().Enqueue([Named(corpusId, "first"), Named(corpusId, "second")]);
        }
        Assert.Null(await ReadRunIdAfterStopAsync(entries[0].Id));

        await using var second = await LabHost.StartAsync(_data);
        var queue = second.Service<RunQueue>();
        var runs = second.Service<RunManager>();
        await Poll.UntilAsync(() => queue.RunIdOf(entries[0].Id) is not null, "the first in line to start after the restart");
        Assert.Equal(RunState.Interrupted, runs.Get(holder).State);
        Assert.Equal("first", runs.Get(queue.RunIdOf(entries[0].Id)!).Name);
        Assert.Equal([entries[1].Id], queue.List().Select(e => e.Id));
        await second.StopRunAsync(queue.RunIdOf(entries[0].Id)!);
        await Poll.UntilAsync(() => queue.RunIdOf(entries[1].Id) is not null, "the second to start");
        await second.StopRunAsync(queue.RunIdOf(entries[1].Id)!);
    }

    /// <summary>The queue's record of an entry with no lab running (opens the database on its own).</summary>
    private async Task<string?> ReadRunIdAfterStopAsync(string queueId)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new CharRnnLab.Web.Hosting.LabOptions { DataDirectory = _data });
        await Task.Yield();
        return new CharRnnLab.Web.Storage.RunQueueStore(options).RunIdOf(queueId);
    }

    [Fact]
    public async Task A_bad_request_is_refused_whole_and_a_run_that_cannot_start_leaves_the_queue_with_the_reason()
    {
        await using var lab = await LabHost.StartAsync(_data);
        var corpusId = await lab.AddCorpusAsync();
        var queue = lab.Service<RunQueue>();
        var holder = await HoldSlotAsync(lab, corpusId);

        var refused = Assert.Throws<LabException>(() => queue.Enqueue([Named(corpusId, "fine"), Named(corpusId, "bad") with { Hidden = 0 }]));
        Assert.StartsWith("Run 2: ", refused.Message);
        Assert.Contains("(got 0)", refused.Message);
        Assert.Empty(queue.List());

        queue.Enqueue([Named("upload-gone", "orphan"), Named(corpusId, "next")]);
        await lab.StopRunAsync(holder);

        await Poll.UntilAsync(() => queue.List().Count == 0, "the queue to move past the orphan");
        Assert.Contains("'orphan' could not start", queue.LastProblem);
        var next = lab.Service<RunManager>().List().Single(r => r.Name == "next");
        await lab.StopRunAsync(next.Id);
    }

    [Fact]
    public async Task Hub_clients_enqueue_move_and_remove_and_hear_each_change()
    {
        await using var lab = await LabHost.StartAsync(_data);
        var corpusId = await lab.AddCorpusAsync();
        var holder = await HoldSlotAsync(lab, corpusId);
        await using var hub = await lab.ConnectAsync();
        var heard = new System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<QueuedRun>>();
        hub.On<IReadOnlyList<QueuedRun>>("queue", heard.Enqueue);

        var entries = await hub.InvokeAsync<IReadOnlyList<QueuedRun>>("EnqueueRuns", new[] { Named(corpusId, "x"), Named(corpusId, "y") });
        await hub.InvokeAsync("MoveQueued", entries[1].Id, -1);
        await Poll.UntilAsync(() => heard.LastOrDefault()?.Select(e => e.Name).SequenceEqual(["y", "x"]) == true, "the moved queue to be heard");
        await hub.InvokeAsync("RemoveQueued", entries[0].Id);

        Assert.Equal(["y"], (await hub.InvokeAsync<IReadOnlyList<QueuedRun>>("ListQueue")).Select(e => e.Name));
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("MoveQueued", "q-nothing", 1));
        Assert.Contains("q-nothing", error.Message);
        await lab.StopRunAsync(holder);
        await Poll.UntilAsync(() => lab.Service<RunQueue>().RunIdOf(entries[1].Id) is not null, "y to start");
        var started = await hub.InvokeAsync<string?>("QueuedRunId", entries[1].Id);
        Assert.Equal("y", lab.Service<RunManager>().Get(started!).Name);
        await lab.StopRunAsync(started!);
    }
}
