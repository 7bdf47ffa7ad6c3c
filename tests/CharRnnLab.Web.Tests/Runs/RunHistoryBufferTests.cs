using CharRnnLab.Core.Training;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;

namespace CharRnnLab.Web.Tests.Runs;

public sealed class RunHistoryBufferTests
{
    private static TrainingProgress Progress(int iteration, double loss) =>
        new(iteration, 1000, 0.1, loss, null, 2e-3, 1.0, 5000, TimeSpan.FromSeconds(iteration), TimeSpan.FromSeconds(10));

    [Fact]
    public void The_smoothed_loss_is_a_debiased_moving_average()
    {
        var buffer = new RunHistoryBuffer(100);
        var first = buffer.Add("r", Progress(1, 4.0));
        var second = buffer.Add("r", Progress(2, 2.0));

        Assert.Equal(4.0, first.SmoothedLoss, 9); // debiasing: the first value is itself
        double ema = 0.02 * 4.0 * 0.98 + 0.02 * 2.0;
        Assert.Equal(ema / (1 - 0.98 * 0.98), second.SmoothedLoss, 9);
        Assert.InRange(second.SmoothedLoss, 2.0, 4.0);
    }

    [Fact]
    public void Restoring_a_stored_history_continues_the_same_smoothing()
    {
        var live = new RunHistoryBuffer(100);
        var points = Enumerable.Range(1, 20).Select(i => live.Add("r", Progress(i, 4.0 - i * 0.1))).ToList();

        var restored = new RunHistoryBuffer(100);
        restored.Restore(points.Take(19).Select(StoredProgress.Of), []);
        Assert.Equal(points[^1].SmoothedLoss, restored.Add("r", Progress(20, 4.0 - 2.0)).SmoothedLoss, 9);
    }

    [Fact]
    public void A_long_run_is_kept_to_the_point_limit_with_samples_intact()
    {
        var buffer = new RunHistoryBuffer(500);
        for (int i = 1; i <= 20_000; i++) buffer.Add("r", Progress(i, 3.0));
        buffer.Add("r", new TrainingSample(100, 0.8, "hello", 3.0));

        var (progress, samples) = buffer.Snapshot();
        Assert.InRange(progress.Count, 250, 501);
        Assert.Equal(20_000, progress[^1].Iteration);
        Assert.Equal("hello", Assert.Single(samples).Text);
    }
}
