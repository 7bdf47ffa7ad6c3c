using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>"Train more" on a checkpoint trained elsewhere keeps the settings it was trained with.</summary>
public sealed class ImportedRunContinueTests
{
    private static readonly (string, string)[] CliFlags =
    [
        ("optimizer", "rmsprop"), ("lr-decay", "0.9"), ("val-fraction", "0.1"), ("decay-every", "4"), ("decay-after", "8"),
        ("layers", "1"), ("hidden", "16"), ("batch", "4"), ("seq", "16"), ("lr", "0.005"), ("iterations", "20"),
        ("eval-every", "5"), ("sample-every", "10"), ("sample-length", "20"), ("checkpoint-every", "10"),
    ];

    [Fact]
    public async Task A_checkpoint_trained_with_rmsprop_decay_and_a_validation_fraction_continues_with_them_by_ContinueAsync_and_the_hub()
    {
        await using var lab = await LabHost.StartAsync();
        var corpusId = await lab.AddCorpusAsync();
        byte[] checkpoint = await CliStyleCheckpoint.TrainAsync(lab, corpusId, CliFlags);
        var runs = lab.Service<RunManager>();
        var run = await lab.Service<RunImporter>().ImportAsync("tiny-rmsprop.crnn", new MemoryStream(checkpoint));
        var trained = CheckpointFile.ReadMetadata(runs.RunDirectory(run.Id)).Training;
        Assert.Equal((corpusId, trained), (run.CorpusId, run.Config.Training));

        await runs.ContinueAsync(run.Id, 6);
        await Poll.UntilAsync(() => runs.Get(run.Id).State == RunState.Completed, "the continued run to complete", seconds: 90);
        await using (var hub = await lab.ConnectAsync())
        {
            var events = new HubEvents(hub);
            await hub.InvokeAsync<RunSummary>("ContinueRun", run.Id, 6);
            await events.WaitForStateAsync(run.Id, RunState.Completed);
            // The hub coalesces progress (not every iteration arrives) and may deliver the last point after the state.
            await Poll.UntilAsync(() => events.Progress.Any(p => p.Iteration == 32), "the last progress point", seconds: 30);
            Assert.Equal(32, events.Progress.Max(p => p.Iteration));
            Assert.All(events.Progress, p => Assert.Equal(ScheduledRate(p.Iteration), p.LearningRate, 12));
        }

        var continued = CheckpointFile.ReadMetadata(runs.RunDirectory(run.Id));
        Assert.Equal(32, continued.Iteration);
        Assert.Equal(trained with { Iterations = 32, Threads = continued.Training.Threads }, continued.Training);
        Assert.Equal((OptimizerKind.RmsProp, 0.9, 0.1), (continued.Training.Optimizer, continued.Training.LearningRateDecay, continued.Training.ValidationFraction));
        Assert.Equal(continued.Training, runs.Get(run.Id).Config.Training);
    }

    /// <summary>char-rnn's step decay with lr 0.005, × 0.9 at iterations 8, 12, 16, … (every 4 from 8).</summary>
    private static double ScheduledRate(int iteration) => 0.005 * Math.Pow(0.9, Math.Max(0, (iteration - 1) / 4 - 1));
}
