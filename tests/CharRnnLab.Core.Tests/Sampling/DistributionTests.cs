using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Core.Tests.Sampling;

public class DistributionTests
{
    /// <summary>The sort <see cref="Distribution.Top"/> replaced: every entry by probability, ties by index.</summary>
    private static (int Index, float Probability)[] SortedTop(float[] p, int n) =>
        Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ThenBy(i => i).Take(n).Select(i => (i, p[i])).ToArray();

    [Theory]
    [InlineData(5, 5, 1)]
    [InlineData(5, 3, 2)]
    [InlineData(65, 5, 3)]
    [InlineData(3, 5, 4)]
    [InlineData(40, 1, 5)]
    public void Top_equals_sorting_every_entry_by_probability_then_index(int vocabulary, int n, int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 50; round++)
        {
            // Few distinct values, so ties are common; now and then a NaN.
            var p = Enumerable.Range(0, vocabulary).Select(_ => random.Next(6) / 5f).ToArray();
            if (round % 10 == 9) p[random.Next(vocabulary)] = float.NaN;

            var top = Distribution.Top(p, n, i => $"s{i}");

            Assert.Equal(SortedTop(p, n), top.Select(c => (int.Parse(c.Symbol[1..]), c.Probability)));
        }
    }

    [Fact]
    public void Top_of_none_is_empty()
    {
        Assert.Empty(Distribution.Top([0.5f, 0.5f], 0, i => "x"));
    }
}
