using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Charts;

public sealed class LossChartModelTests
{
    [Fact]
    public void New_points_extend_train_smoothed_and_validation_traces()
    {
        var model = new LossChartModel(100);
        var delta = model.Append([ProgressPoints.Point(1, 4.0), ProgressPoints.Point(2, 3.5, validation: 3.7)]);

        Assert.False(delta.Redraw);
        Assert.Equal([new ChartPoint(1, 4.0), new ChartPoint(2, 3.5)], delta.Added[LossTrace.Train]);
        Assert.Equal([new ChartPoint(1, 3.9), new ChartPoint(2, 3.4)], delta.Added[LossTrace.Smoothed]);
        Assert.Equal([new ChartPoint(2, 3.7)], delta.Added[LossTrace.Validation]);
    }

    [Fact]
    public void Iterations_already_seen_are_ignored()
    {
        var model = new LossChartModel(100);
        model.Append([ProgressPoints.Point(1, 4.0), ProgressPoints.Point(2, 3.5)]);
        var delta = model.Append([ProgressPoints.Point(2, 3.5), ProgressPoints.Point(3, 3.0)]);

        Assert.Equal([new ChartPoint(3, 3.0)], delta.Added[LossTrace.Train]);
        Assert.Equal(3, model.LastIteration);
    }

    [Fact]
    public void Asks_for_a_redraw_when_the_decimation_merges_buckets()
    {
        var model = new LossChartModel(10);
        var deltas = Enumerable.Range(1, 11).Select(i => model.Append([ProgressPoints.Point(i, 5.0 - i * 0.1)])).ToList();

        Assert.All(deltas.Take(10), d => Assert.False(d.Redraw));
        Assert.True(deltas[^1].Redraw);
        Assert.True(model.Points(LossTrace.Train).Count <= 10);
    }

    [Fact]
    public void Non_finite_losses_are_not_drawn()
    {
        var model = new LossChartModel(10);
        var delta = model.Append([ProgressPoints.Point(1, double.NaN), ProgressPoints.Point(2, double.PositiveInfinity)]);

        Assert.Empty(delta.Added[LossTrace.Train]);
        Assert.Equal(2, model.LastIteration);
    }
}
