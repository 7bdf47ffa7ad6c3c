using CharRnnLab.Core.Numerics;

namespace CharRnnLab.Core.Tests.Numerics;

public class PercentileTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 2.5)]
    [InlineData(100, 4)]
    [InlineData(25, 1.75)]
    public void Percentiles_interpolate_between_the_closest_ranks(double p, double expected)
    {
        Assert.Equal(expected, Percentile.OfSorted([1f, 2f, 3f, 4f], p), 1e-6);
    }

    [Fact]
    public void One_value_is_every_percentile_and_none_is_refused()
    {
        Assert.Equal(7f, Percentile.OfSorted([7f], 95));
        Assert.Throws<ArgumentException>(() => Percentile.OfSorted([], 50));
    }
}
