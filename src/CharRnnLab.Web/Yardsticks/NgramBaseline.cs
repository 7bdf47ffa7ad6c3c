using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>
/// The n-gram yardstick of one corpus and split: the validation loss of the Kneser–Ney models of
/// order 1..<see cref="NgramIndex.MaxOrder"/>, scored as <c>charrnn ngram</c> scores them.
/// </summary>
/// <param name="CorpusId">The lab corpus.</param>
/// <param name="CorpusName">Its name, for labels.</param>
/// <param name="ValidationFraction">The split (the runs' setting).</param>
/// <param name="Orders">One row per order, lowest first.</param>
public sealed record NgramBaseline(string CorpusId, string CorpusName, double ValidationFraction, IReadOnlyList<NgramOrderScore> Orders)
{
    /// <summary>The order with the lowest validation loss (the lowest such order on a tie).</summary>
    public NgramOrderScore Best => Orders.MinBy(o => o.Nats)!;
}
