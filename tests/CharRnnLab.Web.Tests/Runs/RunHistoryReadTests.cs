using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>GetHistory of a stored run: its metrics are streamed from SQLite through the decimator.</summary>
public sealed class RunHistoryReadTests : IAsyncLifetime
{
    private const string RunId = "20250101-000000-abcd";
    private LabHost _lab = null!;

    public async Task InitializeAsync() => _lab = await LabHost.StartAsync(settings: ("Lab:MaxChartPoints", "100"));

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    private static ProgressEvent Point(int iteration) =>
        new(RunId, iteration, 5000, 0.1, iteration % 2 == 0 ? 1.0 : 3.0, 2.0, null, 2e-3, 1.0, 5000, iteration, null);

    private void StoreRun(int iterations)
    {
        var store = _lab.Service<RunStore>();
        var now = DateTimeOffset.UtcNow;
        var run = new RunSummary(RunId, "long", "tiny", RunState.Completed, null, iterations, iterations, 2.0, null, iterations,
            now, now, "upload-tiny", RunConfig.Default);
        store.Insert(run);
        store.Append(run, Enumerable.Range(1, iterations).Select(Point).ToList(), []);
    }

    [Fact]
    public async Task A_long_stored_run_comes_back_decimated_to_the_configured_point_limit()
    {
        StoreRun(5000);

        var history = await _lab.Service<IRunHistorySource>().GetHistoryAsync(RunId);

        Assert.InRange(history.Progress.Count, 50, 100);
        Assert.Equal(5000, history.Progress[^1].Iteration);
        Assert.All(history.Progress, p => Assert.Equal(2.0, p.TrainLoss, 9)); // buckets average the 1s and 3s
        Assert.Equal(RunState.Completed, history.Run.State);
    }

    [Fact]
    public async Task A_history_no_longer_wanted_is_not_read()
    {
        StoreRun(500);
        using var unwanted = new CancellationTokenSource();
        unwanted.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _lab.Service<IRunHistorySource>().GetHistoryAsync(RunId, unwanted.Token));
    }

    [Fact]
    public async Task An_unknown_run_faults_with_a_lab_error()
    {
        var error = await Assert.ThrowsAsync<LabException>(() => _lab.Service<IRunHistorySource>().GetHistoryAsync("20250101-000000-ffff"));

        Assert.Contains("There is no run", error.Message);
    }
}
