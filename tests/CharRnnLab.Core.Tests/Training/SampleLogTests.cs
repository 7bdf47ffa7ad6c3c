using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Training;

public sealed class SampleLogTests
{
    private static TrainingSample Sample(int iteration) => new(iteration, 0.8, "ab", 2.0);

    [Fact]
    public void Up_to_the_limit_every_sample_is_kept()
    {
        var log = new SampleLog([Sample(1)], max: 4);
        foreach (int i in new[] { 2, 3, 4 }) log.Add(Sample(i));

        Assert.Equal([1, 2, 3, 4], log.ToArray().Select(s => s.Iteration));
    }

    [Fact]
    public void Beyond_the_limit_every_other_is_dropped_keeping_the_first_and_the_latest()
    {
        var log = new SampleLog([], max: 4);
        for (int i = 1; i <= 5; i++) log.Add(Sample(i));

        Assert.Equal([1, 3, 5], log.ToArray().Select(s => s.Iteration));
    }

    [Fact]
    public void A_long_run_keeps_at_most_the_limit_spread_over_the_whole_run()
    {
        var log = new SampleLog([]);
        for (int i = 1; i <= 1_000_000; i++) log.Add(Sample(i));

        var kept = log.ToArray();
        Assert.InRange(kept.Length, SampleLog.Max / 2, SampleLog.Max);
        Assert.Equal((1, 1_000_000), (kept[0].Iteration, kept[^1].Iteration));
    }
}
