using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Charts;

public sealed class BestValidationTests
{
    private static ProgressEvent Point(int iteration, double? validation) =>
        new("r", iteration, 10, 0, 2, 2, validation, 1e-3, 1, 100, iteration, null);

    [Fact]
    public void The_lowest_finite_validation_counts_and_a_curve_without_one_falls_back_to_the_latest()
    {
        Assert.Equal(1.5, BestValidation.Of([Point(1, 2.0), Point(2, null), Point(3, 1.5), Point(4, double.NaN), Point(5, 1.7)], latest: 1.7));
        Assert.Equal(1.9, BestValidation.Of([Point(1, null)], latest: 1.9));
        Assert.Null(BestValidation.Of([], latest: null));
    }

    [Fact]
    public void A_live_run_keeps_the_lower_of_the_best_so_far_and_what_arrives()
    {
        Assert.Equal(1.5, BestValidation.After(1.5, [Point(6, 1.6)]));
        Assert.Equal(1.4, BestValidation.After(1.5, [Point(6, 1.4), Point(7, null)]));
        Assert.Equal(1.5, BestValidation.After(1.5, [Point(6, double.PositiveInfinity)]));
        Assert.Equal(2.0, BestValidation.After(null, [Point(6, 2.0)]));
    }
}
