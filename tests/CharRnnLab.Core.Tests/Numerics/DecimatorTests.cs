using CharRnnLab.Core.Numerics;

namespace CharRnnLab.Core.Tests.Numerics;

public sealed class DecimatorTests
{
    [Fact]
    public void Keeps_every_point_until_the_limit()
    {
        var decimator = new Decimator<Point>(10, Point.Merge);
        for (int i = 1; i <= 10; i++)
            Assert.Equal(DecimatorStep.Completed, decimator.Add(new Point(i, i), out var completed));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (double)i), decimator.All.Select(p => p.X));
        Assert.Equal(1, decimator.BucketWidth);
    }

    [Fact]
    public void Merges_pairs_into_means_when_full_and_doubles_the_bucket()
    {
        var decimator = new Decimator<Point>(4, Point.Merge);
        var steps = Enumerable.Range(1, 5).Select(i => decimator.Add(new Point(i, i * 10), out _)).ToList();

        Assert.Equal(DecimatorStep.Compacted, steps[^1]);
        Assert.Equal(2, decimator.BucketWidth);
        // (1,2) → x 2, mean 15; (3,4) → x 4, mean 35; 5 waits in the partial bucket.
        Assert.Equal([new Point(2, 15), new Point(4, 35)], decimator.Completed);
        Assert.Equal(new Point(5, 50), decimator.All.Last());
    }

    [Fact]
    public void Fifty_thousand_points_stay_within_the_limit_and_keep_the_mean()
    {
        var decimator = new Decimator<Point>(2000, Point.Merge);
        int compactions = 0;
        for (int i = 1; i <= 50_000; i++)
            if (decimator.Add(new Point(i, i % 2 == 0 ? 1.0 : 3.0), out _) == DecimatorStep.Compacted) compactions++;

        Assert.InRange(decimator.Count, 1000, 2000);
        Assert.InRange(compactions, 4, 6);
        Assert.All(decimator.Completed, p => Assert.Equal(2.0, p.Y, 9));
        Assert.Equal(50_000, decimator.All.Last().X);
    }

    [Fact]
    public void A_series_restored_from_its_weighted_buckets_goes_on_exactly_as_one_never_stored()
    {
        var straight = new Decimator<Point>(8, Point.Merge);
        for (int i = 1; i <= 37; i++) straight.Add(new Point(i, i * i), out _);

        var restored = new Decimator<Point>(8, Point.Merge, straight.BucketWidth);
        foreach (var (value, count) in straight.Buckets.Append(straight.Pending!.Value)) restored.Add(value, count, out _);
        for (int i = 38; i <= 100; i++)
        {
            straight.Add(new Point(i, i * i), out _);
            restored.Add(new Point(i, i * i), out _);
        }

        Assert.Equal(straight.Buckets, restored.Buckets);
        Assert.Equal(straight.Pending, restored.Pending);
        Assert.Equal(straight.BucketWidth, restored.BucketWidth);
    }

    [Fact]
    public void A_weighted_input_counts_as_the_inputs_it_stands_for()
    {
        var decimator = new Decimator<Point>(10, Point.Merge, bucketWidth: 4);

        Assert.Equal(DecimatorStep.Pending, decimator.Add(new Point(1, 1.0), 3, out _));
        Assert.Equal(DecimatorStep.Completed, decimator.Add(new Point(2, 5.0), 1, out var completed));
        Assert.Equal(new Point(2, 2.0), completed); // (1 × 3 + 5 × 1) / 4
        Assert.Equal((completed, 4), decimator.Buckets.Single());
    }
}

/// <summary>A curve point as the lab's charts merge them: the later x, the count-weighted mean y.</summary>
internal readonly record struct Point(double X, double Y)
{
    public static Point Merge(Point a, int countA, Point b, int countB) => new(b.X, (a.Y * countA + b.Y * countB) / (countA + countB));
}
