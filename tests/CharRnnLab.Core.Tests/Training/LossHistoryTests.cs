using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Training;

public sealed class LossHistoryTests
{
    [Fact]
    public void A_short_run_keeps_every_iteration()
    {
        var points = Enumerable.Range(1, 100).Select(i => new LossPoint(i, 4.0 - i * 0.01, i % 10 == 0 ? 3.0 : null)).ToList();

        Assert.Equal(points, new LossHistory(points).ToArray());
    }

    [Fact]
    public void Ten_million_iterations_stay_a_small_history_with_the_last_iteration_the_mean_loss_and_validation_losses()
    {
        var history = new LossHistory([]);
        for (int i = 1; i <= 10_000_000; i++) history.Add(new LossPoint(i, i % 2 == 0 ? 1.0 : 3.0, i % 1000 == 0 ? 2.5 : null));

        var points = history.ToArray();

        Assert.InRange(points.Length, LossHistory.MaxPoints / 2, LossHistory.MaxPoints + 1);
        Assert.True(HistoryFormat.ByteCount(points.Length) < 250_000, $"history.bin would be {HistoryFormat.ByteCount(points.Length):N0} bytes");
        Assert.Equal(10_000_000, points[^1].Iteration);
        Assert.All(points, p => Assert.Equal(2.0, p.TrainLoss, 9));
        Assert.All(points, p => Assert.Equal(2.5, p.ValidationLoss)); // each merged point spans 1,000+ iterations
        Assert.Equal(points.Select(p => p.Iteration).Order(), points.Select(p => p.Iteration));
    }
}
