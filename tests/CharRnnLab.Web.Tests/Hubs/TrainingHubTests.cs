using CharRnnLab.Web.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Hubs;

/// <summary>The SignalR contract of docs/signalr.md, against the real lab with tiny runs.</summary>
public sealed class TrainingHubTests : IAsyncLifetime
{
    private LabHost _lab = null!;
    private HubConnection _hub = null!;
    private HubEvents _events = null!;
    private string _corpusId = "";

    public async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        _corpusId = await _lab.AddCorpusAsync();
        _hub = await _lab.ConnectAsync();
        _events = new HubEvents(_hub);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _lab.DisposeAsync();
    }

    [Fact]
    public async Task A_run_streams_progress_and_samples_then_stops_and_its_history_can_be_fetched()
    {
        var runId = await _hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(_corpusId));

        await Poll.UntilAsync(() => _events.Progress.Count(p => p.RunId == runId) >= 3 && _events.Samples.Any(s => s.RunId == runId), "progress and a sample");
        var progress = _events.Progress.First(p => p.RunId == runId);
        Assert.True(progress.TrainLoss > 0 && progress.CharsPerSecond > 0 && progress.Iteration >= 1);
        Assert.False(string.IsNullOrEmpty(_events.Samples.First().Text));
        Assert.Contains(_events.States, s => s.RunId == runId && s.State == RunState.Running);

        await _hub.InvokeAsync("StopRun", runId);
        await _events.WaitForStateAsync(runId, RunState.Cancelled);

        var history = await _hub.InvokeAsync<RunHistory>("GetHistory", runId);
        Assert.Equal(RunState.Cancelled, history.Run.State);
        Assert.NotEmpty(history.Progress);
        Assert.Equal(history.Progress.Select(p => p.Iteration).Order(), history.Progress.Select(p => p.Iteration));
        Assert.NotEmpty(history.Samples);
        Assert.Contains(await _hub.InvokeAsync<IReadOnlyList<RunSummary>>("ListRuns"), r => r.Id == runId);
    }

    [Fact]
    public async Task An_invalid_start_is_refused_with_a_readable_error_and_the_connection_stays_usable()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            _hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(_corpusId) with { Hidden = 0, Cell = "transformer" }));

        Assert.Contains("hidden size must be a whole number between 1 and 8192 (got 0).", refusal.Message);
        Assert.Contains("transformer", refusal.Message);
        var unknown = await Assert.ThrowsAsync<HubException>(() => _hub.InvokeAsync<string>("StartRun", LabHost.TinyRun("upload-nope")));
        Assert.Contains("nope", unknown.Message);
        Assert.Equal(HubConnectionState.Connected, _hub.State);
        Assert.Empty(await _hub.InvokeAsync<IReadOnlyList<RunSummary>>("ListRuns"));
    }

    [Fact]
    public async Task A_second_run_is_refused_while_one_trains()
    {
        var first = await _hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(_corpusId));

        var refusal = await Assert.ThrowsAsync<HubException>(() => _hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(_corpusId)));

        Assert.Contains(first, refusal.Message);
        Assert.Contains("Lab:MaxConcurrentRuns", refusal.Message);
        await _hub.InvokeAsync("StopRun", first);
    }

    [Fact]
    public async Task Pause_and_resume_are_announced_as_states()
    {
        var runId = await _hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(_corpusId));
        await Poll.UntilAsync(() => _events.Progress.Any(p => p.RunId == runId), "progress");

        await _hub.InvokeAsync("PauseRun", runId);
        await _events.WaitForStateAsync(runId, RunState.Paused);
        var pausedAt = (await _hub.InvokeAsync<RunHistory>("GetHistory", runId)).Run.Iteration;
        await Task.Delay(300);
        Assert.Equal(pausedAt, (await _hub.InvokeAsync<RunHistory>("GetHistory", runId)).Run.Iteration);

        int runningBefore = _events.States.Count(s => s.State == RunState.Running);
        await _hub.InvokeAsync("ResumeRun", runId);
        await Poll.UntilAsync(() => _events.States.Count(s => s.State == RunState.Running) > runningBefore, "running again");
        await Poll.UntilAsync(() => _events.Progress.Any(p => p.Iteration > pausedAt), "progress after resuming");
        await _hub.InvokeAsync("StopRun", runId);
    }

    [Fact]
    public async Task Sampling_while_training_returns_text_with_top_candidates()
    {
        var runId = await _hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(_corpusId));
        await Poll.UntilAsync(() => _events.Progress.Any(p => p.RunId == runId), "progress");

        var result = await _hub.InvokeAsync<SampleResult>("Sample", runId, 0.7, "the ", 50, 7);

        Assert.Equal(50, result.Symbols.Count);
        Assert.Equal(result.Text, string.Concat(result.Symbols.Select(s => s.Symbol)));
        Assert.All(result.Symbols, s => Assert.InRange(s.Candidates.Count, 1, 5));
        Assert.Equal("the ", result.Prime);
        var again = await _hub.InvokeAsync<SampleResult>("Sample", runId, 0.0, "", 20, null);
        Assert.Equal(0, again.Temperature);

        var refusal = await Assert.ThrowsAsync<HubException>(() => _hub.InvokeAsync<SampleResult>("Sample", runId, -1.0, "", 20, null));
        Assert.Contains("Temperature", refusal.Message);
        await _hub.InvokeAsync("StopRun", runId);
    }

    [Fact]
    public async Task Unknown_runs_are_refused_by_every_method()
    {
        foreach (var call in new Func<Task>[]
        {
            () => _hub.InvokeAsync("PauseRun", "nope"),
            () => _hub.InvokeAsync("ResumeRun", "../etc"),
            () => _hub.InvokeAsync("StopRun", "nope"),
            () => _hub.InvokeAsync<RunHistory>("GetHistory", "nope"),
            () => _hub.InvokeAsync<SampleResult>("Sample", "nope", 1.0, "", 10, null),
        })
        {
            var refusal = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("There is no run", refusal.Message);
        }
        Assert.Equal(HubConnectionState.Connected, _hub.State);
    }
}
