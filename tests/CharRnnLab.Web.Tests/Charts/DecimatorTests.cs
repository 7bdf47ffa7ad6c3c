using CharRnnLab.Web.Charts;

namespace CharRnnLab.Web.Tests.Charts;

public sealed class DecimatorTests
{
    [Fact]
    public void Keeps_every_point_until_the_limit()
    {
        var decimator = new Decimator<ChartPoint>(10, ChartPoint.Merge);
        for (int i = 1; i <= 10; i++)
            Assert.Equal(DecimatorStep.Completed, decimator.Add(new ChartPoint(i, i), out var completed));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (double)i), decimator.All.Select(p => p.X));
        Assert.Equal(1, decimator.BucketWidth);
    }

    [Fact]
    public void Merges_pairs_into_means_when_full_and_doubles_the_bucket()
    {
        var decimator = new Decimator<ChartPoint>(4, ChartPoint.Merge);
        var steps = Enumerable.Range(1, 5).Select(i => decimator.Add(new ChartPoint(i, i * 10), out _)).ToList();

        Assert.Equal(DecimatorStep.Compacted, steps[^1]);
        Assert.Equal(2, decimator.BucketWidth);
        // (1,2) → x 2, mean 15; (3,4) → x 4, mean 35; 5 waits in the partial bucket.
        Assert.Equal([new ChartPoint(2, 15), new ChartPoint(4, 35)], decimator.Completed);
        Assert.Equal(new ChartPoint(5, 50), decimator.All.Last());
    }

    [Fact]
    public void Fifty_thousand_points_stay_within_the_limit_and_keep_the_mean()
    {
        var decimator = new Decimator<ChartPoint>(2000, ChartPoint.Merge);
        int compactions = 0;
        for (int i = 1; i <= 50_000; i++)
            if (decimator.Add(new ChartPoint(i, i % 2 == 0 ? 1.0 : 3.0), out _) == DecimatorStep.Compacted) compactions++;

        Assert.InRange(decimator.Count, 1000, 2000);
        Assert.InRange(compactions, 4, 6);
        Assert.All(decimator.Completed, p => Assert.Equal(2.0, p.Y, 9));
        Assert.Equal(50_000, decimator.All.Last().X);
    }
}
