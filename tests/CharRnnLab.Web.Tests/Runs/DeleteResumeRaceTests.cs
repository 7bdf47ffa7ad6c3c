using CharRnnLab.Core;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>
/// Delete and resume (or continue) take the same lock: whichever gets it first wins, the other is refused with a message, and
/// nothing is left half done (a deleted run's folder and row both gone and no session training it; a resumed run whole).
/// The order is made certain by a start that holds the lock (its corpus loads until the test lets it go) while the two
/// operations queue behind it.
/// </summary>
public sealed class DeleteResumeRaceTests : IAsyncLifetime
{
    private LabHost _lab = null!;
    private HeldCorpora _held = null!;
    private string _runId = "";

    private RunManager Runs => _lab.Service<RunManager>();

    public async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync(builder => builder.Services.AddSingleton<ILabCorpora>(
            services => _held = new HeldCorpora(ActivatorUtilities.CreateInstance<LabCorpora>(services))));
        var corpus = await _lab.AddCorpusAsync();
        _runId = (await Runs.StartAsync(LabHost.TinyRun(corpus))).Id;
        await Poll.UntilAsync(() => Runs.Get(_runId).CheckpointIteration is not null, "the run's first checkpoint");
        await _lab.StopRunAsync(_runId); // cancelled with a checkpoint: it can be resumed and continued
        await Poll.UntilAsync(() => Runs.Live(_runId) is null, "the stopped run to be retired");
    }

    public Task DisposeAsync() => _lab.DisposeAsync().AsTask();

    private Task<RunSummary> Relaunch(string operation) =>
        operation == "resume" ? Runs.ResumeAsync(_runId) : Runs.ContinueAsync(_runId, 10);

    /// <summary>Holds the launch lock until the returned action lets it go (the held start then fails, starting nothing).</summary>
    private async Task<Func<Task>> HoldTheLockAsync()
    {
        var holding = Runs.StartAsync(LabHost.TinyRun(HeldCorpora.HeldId));
        await _held.Entered;
        return async () =>
        {
            _held.Release();
            await Assert.ThrowsAsync<CorpusException>(() => holding);
        };
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("continue")]
    public async Task A_relaunch_that_gets_the_lock_first_trains_and_the_delete_behind_it_is_refused(string operation)
    {
        var letGo = await HoldTheLockAsync();
        var relaunching = Relaunch(operation);
        var deleting = Runs.DeleteAsync(_runId);
        Assert.False(relaunching.IsCompleted || deleting.IsCompleted, "both wait for the lock, in this order");

        await letGo();

        Assert.Equal(RunState.Running, (await relaunching).State);
        var refusal = await Assert.ThrowsAsync<LabException>(() => deleting);
        Assert.Equal($"Run {_runId} is still training; stop it before deleting it.", refusal.Message);
        Assert.True(Directory.Exists(Runs.RunDirectory(_runId)));
        await _lab.StopRunAsync(_runId);
        Assert.Equal(RunState.Cancelled, Runs.Get(_runId).State);
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("continue")]
    public async Task A_delete_that_gets_the_lock_first_removes_the_run_and_the_relaunch_behind_it_starts_nothing(string operation)
    {
        var letGo = await HoldTheLockAsync();
        var deleting = Runs.DeleteAsync(_runId);
        var relaunching = Relaunch(operation);
        Assert.False(relaunching.IsCompleted || deleting.IsCompleted, "both wait for the lock, in this order");

        await letGo();

        await deleting;
        var refusal = await Assert.ThrowsAsync<LabException>(() => relaunching);
        Assert.StartsWith($"There is no run '{_runId}'.", refusal.Message);
        Assert.Null(Runs.Find(_runId));
        Assert.False(Directory.Exists(Runs.RunDirectory(_runId)));
        Assert.Null(Runs.Live(_runId));
        Assert.Null(Runs.BusyReason);
    }
}
