using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Tests.Yardsticks;

/// <summary>"this LSTM beats a 7-gram": a run against an n-gram curve that falls, then rises.</summary>
public sealed class NgramVerdictTests
{
    // Orders 1..6: falls to the 4-gram, then rises (long contexts mostly unseen).
    private static readonly NgramBaseline Curve = new("c", "corpus", 0.05,
        [.. new[] { 3.0, 2.5, 2.0, 1.8, 1.9, 2.1 }.Select((nats, i) => new NgramOrderScore(i + 1, nats, 0.5))]);

    [Fact]
    public void A_run_between_two_orders_beats_the_lower_ones_only()
    {
        var verdict = NgramVerdict.Of(Curve, 2.2);

        Assert.Equal(2, verdict.BeatenUpTo);
        Assert.Equal("this LSTM beats a 2-gram but not a 3-gram (the best n-gram, a 4-gram: 1.800 nats)", verdict.Caption("LSTM", bits: false));
    }

    [Fact]
    public void A_run_below_the_best_order_beats_every_order()
    {
        var verdict = NgramVerdict.Of(Curve, 1.75);

        Assert.True(verdict.BeatsAll);
        Assert.StartsWith("this GRU beats every n-gram of order 1–6", verdict.Caption("GRU", bits: false));
    }

    [Fact]
    public void A_run_below_the_rising_tail_but_above_the_best_stops_at_the_best()
    {
        // 1.85 beats orders 5 and 6 too, but not the 4-gram: the verdict reads the orders in turn.
        Assert.Equal(3, NgramVerdict.Of(Curve, 1.85).BeatenUpTo);
    }

    [Fact]
    public void A_run_above_the_unigram_beats_none_and_equal_is_not_beating()
    {
        Assert.Equal(0, NgramVerdict.Of(Curve, 3.2).BeatenUpTo);
        Assert.StartsWith("this RNN does not beat even a 1-gram", NgramVerdict.Of(Curve, 3.0).Caption("RNN", bits: false));
    }

    [Fact]
    public void In_bits_the_best_is_given_in_bits()
    {
        string caption = NgramVerdict.Of(Curve, 2.2).Caption("LSTM", bits: true);

        Assert.EndsWith($"a 4-gram: {1.8 / Math.Log(2):0.000} bits)", caption);
    }
}
