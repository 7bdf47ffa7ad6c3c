using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Hosting;

public sealed class LabOptionsTests
{
    [Fact]
    public async Task Bad_settings_stop_the_server_at_start_with_every_problem_named()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            LabHost.StartAsync(settings: [("Lab:MaxConcurrentRuns", "0"), ("Lab:UpdatesPerSecond", "60"), ("Lab:AccessToken", "short")]));

        Assert.Contains("Lab:MaxConcurrentRuns must be between 1 and 16 (got 0).", failure.Failures);
        Assert.Contains("Lab:UpdatesPerSecond must be between 1 and 10 (got 60).", failure.Failures);
        Assert.Contains(failure.Failures, f => f.StartsWith("Lab:AccessToken must be at least 16 characters"));
    }

    [Fact]
    public async Task With_two_slots_two_runs_train_side_by_side_and_a_third_is_refused()
    {
        await using var lab = await LabHost.StartAsync(settings: [("Lab:MaxConcurrentRuns", "2")]);
        var corpus = await lab.AddCorpusAsync();
        var runs = lab.Service<RunManager>();

        var first = await runs.StartAsync(LabHost.TinyRun(corpus));
        var second = await runs.StartAsync(LabHost.TinyRun(corpus));
        var refusal = await Assert.ThrowsAsync<LabException>(() => runs.StartAsync(LabHost.TinyRun(corpus)));

        Assert.Contains("2 run(s) at a time", refusal.Message);
        await Poll.UntilAsync(() => runs.Get(first.Id).Iteration > 5 && runs.Get(second.Id).Iteration > 5, "both runs to train");
        runs.Stop(first.Id);
        runs.Stop(second.Id);
        await Poll.UntilAsync(() => runs.Active is null, "both runs to stop");
        Assert.All(runs.List(), r => Assert.Equal(RunState.Cancelled, r.State));
    }
}
