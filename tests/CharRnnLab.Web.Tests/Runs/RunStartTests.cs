using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>A start that is refused or fails leaves nothing behind (no folder, no row, no session), and a run's end frees its slot.</summary>
public sealed class RunStartTests : IAsyncLifetime
{
    private LabHost _lab = null!;
    private string _corpusId = "";

    private RunManager Runs => _lab.Service<RunManager>();

    public async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        _corpusId = await _lab.AddCorpusAsync();
    }

    public Task DisposeAsync() => _lab.DisposeAsync().AsTask();

    private string[] RunFolders() =>
        Directory.Exists(Path.Combine(_lab.DataDirectory, "runs")) ? Directory.GetDirectories(Path.Combine(_lab.DataDirectory, "runs")) : [];

    [Fact]
    public async Task A_start_with_NaN_epochs_is_refused_by_the_hub_naming_the_setting_and_leaves_no_folder()
    {
        await using var hub = await _lab.ConnectAsync();

        for (int attempt = 0; attempt < 3; attempt++)
        {
            var refusal = await Assert.ThrowsAsync<HubException>(() =>
                hub.InvokeAsync<string>("StartRun", LabHost.TinyRun(_corpusId, iterations: 10) with { Epochs = double.NaN }));
            Assert.Contains("epochs must be", refusal.Message);
            Assert.Contains("(got NaN)", refusal.Message);
        }

        Assert.Empty(RunFolders());
        Assert.Empty(Runs.List());
    }

    [Fact]
    public async Task A_start_beyond_the_memory_budget_is_refused_saying_what_it_needs_and_what_to_lower()
    {
        await using var hub = await _lab.ConnectAsync();
        var huge = new StartRunRequest { CorpusId = _corpusId, Layers = 8, Hidden = 2048, Batch = 1024, Seq = 1000 };

        var refusal = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("StartRun", huge));

        Assert.Contains("This run needs about", refusal.Message);
        Assert.Contains("activations", refusal.Message);
        Assert.Contains("Lower the batch size, the sequence length", refusal.Message);
        Assert.Contains("Lab:MaxTrainingMemoryMb", refusal.Message);
        Assert.Empty(RunFolders());
    }

    [Fact]
    public async Task A_start_that_fails_after_its_session_exists_disposes_it_removes_its_folder_and_frees_the_slot()
    {
        LoseTheRunsTable();

        await Assert.ThrowsAsync<SqliteException>(() => Runs.StartAsync(LabHost.TinyRun(_corpusId)));

        Assert.Empty(RunFolders());
        Assert.Null(Runs.Active);
        Assert.Null(Runs.BusyReason);
    }

    [Fact]
    public async Task A_database_that_fails_when_a_run_ends_still_frees_its_training_slot()
    {
        var run = await Runs.StartAsync(LabHost.TinyRun(_corpusId));
        await Poll.UntilAsync(() => Runs.Get(run.Id).Iteration >= 3, "a few iterations");
        LoseTheRunsTable();

        Runs.Stop(run.Id);

        await Poll.UntilAsync(() => Runs.BusyReason is null && Runs.Active is null, "the slot to be freed");
    }

    /// <summary>From now on no run row can be read or written (the table is renamed away).</summary>
    private void LoseTheRunsTable()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_lab.DataDirectory, "lab.db")};Pooling=False");
        connection.Open();
        using var rename = connection.CreateCommand();
        rename.CommandText = "ALTER TABLE runs RENAME TO runs_gone;";
        rename.ExecuteNonQuery();
    }
}
