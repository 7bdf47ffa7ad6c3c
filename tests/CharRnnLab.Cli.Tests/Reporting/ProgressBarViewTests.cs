using CharRnnLab.Cli.Reporting;
using CharRnnLab.Core.Training;
using Spectre.Console.Testing;

namespace CharRnnLab.Cli.Tests.Reporting;

public class ProgressBarViewTests
{
    private static TrainingProgress Progress(int iteration, double? validation = null) =>
        new(iteration, 40, iteration / 20.0, 2.5 - iteration / 100.0, validation, 0.002, 1.0, 12_345, TimeSpan.FromSeconds(iteration),
            TimeSpan.FromSeconds(40 - iteration));

    [Fact]
    public async Task A_terminal_gets_a_bar_with_the_runs_numbers_and_lines_above_it()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences().Width(160);
        var view = new ProgressBarView(console);
        var training = new TaskCompletionSource();

        var watching = view.WatchAsync(training.Task);
        view.OnProgress(Progress(10));
        view.OnProgress(Progress(20, validation: 1.2345));
        view.OnSample(new TrainingSample(20, 0.8, "ROMEO:\nSoft!", 1.9));
        view.OnCheckpoint(new CheckpointSaved(20, "/runs/x/checkpoint.crnn"));
        view.OnProgress(Progress(30));
        training.SetResult();
        await watching.WaitAsync(TimeSpan.FromSeconds(30));

        string output = console.Output;
        Assert.Contains("━", output);
        Assert.Contains("75%", output); // 30 of 40
        Assert.Contains("iter 30/40 (epoch 1.50)  loss 2.2000  12,345 chars/s  ETA 10.0s", output);
        Assert.Contains("iter 20/40 (epoch 1.00)  loss 2.3000  val 1.2345 (1.78 bits)", output); // the evaluation, kept above
        Assert.Contains("--- sample at iteration 20 (temperature 0.8) ---", output);
        Assert.Contains("ROMEO:", output);
        Assert.Contains("Soft!", output);
        Assert.Contains("saved checkpoint at iteration 20: /runs/x/checkpoint.crnn", output);
        Assert.Equal(30, view.Last!.Iteration);
        Assert.Equal(1.2345, view.BestValidationLoss);
    }

    [Fact]
    public async Task Iterations_before_the_bar_appears_are_drawn_when_it_does()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences().Width(160);
        var view = new ProgressBarView(console);
        view.OnProgress(Progress(4));

        await view.WatchAsync(Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("iter 4/40", console.Output);
        Assert.Contains("10%", console.Output);
    }

    [Fact]
    public async Task A_failed_run_ends_the_bar_and_its_error_comes_through()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences();
        var view = new ProgressBarView(console);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            view.WatchAsync(Task.FromException(new InvalidOperationException("diverged"))).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("diverged", failure.Message);
    }
}
