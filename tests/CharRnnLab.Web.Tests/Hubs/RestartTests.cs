using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Storage;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Hubs;

/// <summary>Runs outlive the server: they are listed, viewable, sampleable and resumable after a restart.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _data = LabHost.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_run_training_when_the_server_stops_is_listed_as_interrupted_and_resumes_from_its_checkpoint()
    {
        string runId;
        await using (var first = await LabHost.StartAsync(_data))
        {
            var corpusId = await first.AddCorpusAsync();
            await using var hub = await first.ConnectAsync();
            var events = new HubEvents(hub);
            runId = await hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(corpusId));
            await Poll.UntilAsync(() => events.Progress.Any(p => p.Iteration >= 25), "25 iterations (past a checkpoint)");
        }

        await using var second = await LabHost.StartAsync(_data);
        await using var connection = await second.ConnectAsync();
        var run = Assert.Single(await connection.InvokeAsync<IReadOnlyList<RunSummary>>("ListRuns"));
        Assert.Equal((runId, RunState.Interrupted), (run.Id, run.State));
        Assert.True(run.CanResume);
        Assert.NotNull(run.CheckpointIteration);

        var history = await connection.InvokeAsync<RunHistory>("GetHistory", runId);
        Assert.True(history.Progress.Count >= 25);
        Assert.NotEmpty(history.Samples);
        var text = await connection.InvokeAsync<SampleResult>("Sample", runId, 1.0, "", 30, 1);
        Assert.Equal(30, text.Symbols.Count);

        var events2 = new HubEvents(connection);
        await connection.InvokeAsync("ResumeRun", runId);
        await Poll.UntilAsync(() => events2.Progress.Any(p => p.RunId == runId && p.Iteration > run.CheckpointIteration), "progress after the checkpoint");
        await connection.InvokeAsync("StopRun", runId);
        await events2.WaitForStateAsync(runId, RunState.Cancelled);
    }

    [Fact]
    public async Task A_run_left_running_by_a_crashed_server_is_marked_interrupted_at_start()
    {
        await using (var first = await LabHost.StartAsync(_data))
        {
            var store = first.Service<RunStore>();
            var now = DateTimeOffset.UtcNow;
            store.Insert(new RunSummary("20250101-000000-abcd", "crashed", "tiny", RunState.Running, null, 40, 100, 2.5, null, null, now, now, "upload-tiny", RunConfig.Default));
        }

        await using var second = await LabHost.StartAsync(_data);
        await using var connection = await second.ConnectAsync();
        var run = Assert.Single(await connection.InvokeAsync<IReadOnlyList<RunSummary>>("ListRuns"));
        Assert.Equal(RunState.Interrupted, run.State);
        Assert.False(run.CanResume); // no checkpoint on disk
        Assert.Contains("before its first checkpoint", run.Message);
    }
}
