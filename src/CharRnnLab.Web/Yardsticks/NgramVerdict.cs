using CharRnnLab.Core.Training;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>
/// Where a run's best validation loss falls among the n-gram baselines, as the paper puts it
/// ("this LSTM beats a 7-gram"). The n-gram curve falls and then rises again (long contexts are
/// mostly unseen), so the verdict is the run against the orders in turn from 1: it beats orders
/// 1..<see cref="BeatenUpTo"/> and not the next; beating them all means beating the best.
/// </summary>
/// <param name="BeatenUpTo">The largest n such that the run's loss is below that of every order 1..n (0: not even a 1-gram).</param>
/// <param name="Best">The best n-gram.</param>
/// <param name="RunNats">The run's best validation loss, nats per character.</param>
/// <param name="HighestOrder">The highest order scored.</param>
public sealed record NgramVerdict(int BeatenUpTo, NgramOrderScore Best, double RunNats, int HighestOrder)
{
    public bool BeatsAll => BeatenUpTo == HighestOrder;

    public static NgramVerdict Of(NgramBaseline baseline, double runNats)
    {
        int beaten = 0;
        while (beaten < baseline.Orders.Count && runNats < baseline.Orders[beaten].Nats) beaten++;
        return new NgramVerdict(beaten, baseline.Best, runNats, baseline.Orders[^1].Order);
    }

    /// <summary>"this LSTM beats a 3-gram but not a 4-gram (the best n-gram, a 6-gram: 1.607 nats)".</summary>
    /// <param name="model">What the run is, e.g. "LSTM".</param>
    /// <param name="bits">Losses in bits per character instead of nats.</param>
    public string Caption(string model, bool bits)
    {
        string best = $"the best n-gram, a {Best.Order}-gram: {Format(Best.Nats, bits)}";
        return BeatsAll ? $"this {model} beats every n-gram of order 1–{HighestOrder} ({best})"
            : BeatenUpTo == 0 ? $"this {model} does not beat even a 1-gram ({best})"
            : $"this {model} beats a {BeatenUpTo}-gram but not a {BeatenUpTo + 1}-gram ({best})";
    }

    /// <summary>"1.607 nats" or "2.318 bits".</summary>
    public static string Format(double nats, bool bits) =>
        bits ? $"{TrainingProgress.ToBits(nats):0.000} bits" : $"{nats:0.000} nats";
}
