using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Compare;

public sealed class CompareSeriesTests
{
    private const string Id = "20250101-000000-aaaa";
    private static readonly ComparedRun Run = new(ComparedRuns.Run(Id), ComparedRuns.Curve(Id, 100), VocabularySize: 5);

    [Fact]
    public void On_iterations_the_curves_are_the_smoothed_training_loss_and_the_validation_points()
    {
        var series = CompareSeries.Of(Run, CompareAxis.Iterations, maxPoints: 1000);

        Assert.Equal(100, series.Training.Count);
        Assert.Equal((1, 3.99), (series.Training[0].X, Math.Round(series.Training[0].Y, 9)));
        Assert.Equal(10, series.Validation.Count);
        Assert.Equal((10, 4.0), (series.Validation[0].X, Math.Round(series.Validation[0].Y, 9)));
    }

    [Fact]
    public void Characters_seen_are_iteration_times_batch_times_sequence()
    {
        var series = CompareSeries.Of(Run, CompareAxis.Characters, maxPoints: 1000);

        Assert.Equal(10 * 4 * 16, series.Validation[0].X); // batch 4, sequence 16
        Assert.Equal(100 * 4 * 16, series.Training[^1].X);
    }

    [Fact]
    public void Wall_time_is_the_elapsed_seconds() =>
        Assert.Equal(50.0, CompareSeries.Of(Run, CompareAxis.WallTime, maxPoints: 1000).Training[^1].X);

    [Fact]
    public void A_long_curve_is_bucket_averaged_to_the_point_budget()
    {
        var series = CompareSeries.Of(Run, CompareAxis.Iterations, maxPoints: 20);

        Assert.InRange(series.Training.Count, 10, 21);
        var (last, mean) = (series.Training[0].X, series.Training[0].Y);
        Assert.True(last > 1, "the first bucket holds several iterations");
        Assert.Equal(4.0 - 0.01 * (last + 1) / 2, mean, precision: 9); // the mean of 4 − 0.01 i over i = 1..last
    }

    [Fact]
    public void Diverged_losses_are_left_out()
    {
        ProgressEvent Diverged(ProgressEvent p) => p with { SmoothedLoss = double.NaN, ValidationLoss = p.ValidationLoss is null ? null : double.PositiveInfinity };
        var curve = ComparedRuns.Curve(Id, 20).Select((p, i) => i >= 10 ? Diverged(p) : p).ToList();

        var series = CompareSeries.Of(Run with { Progress = curve }, CompareAxis.Iterations, maxPoints: 1000);

        Assert.Equal(10, series.Training.Count);
        Assert.Single(series.Validation);
    }
}
