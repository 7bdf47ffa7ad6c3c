using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>One model's validation loss.</summary>
/// <param name="Order">n: the model conditions on the n − 1 symbols before.</param>
/// <param name="Nats">Mean −ln P over the validation split's symbols.</param>
/// <param name="Discount">D_n, the discount of the model's own order.</param>
public sealed record NgramOrderScore(int Order, double Nats, double Discount)
{
    public double Bits => TrainingProgress.ToBits(Nats);
}

/// <summary>
/// Scores Kneser–Ney models on the validation split: every validation symbol is predicted from
/// the symbols before it in the corpus (the first ones' context reaches back into the training
/// split, as the text runs on).
/// </summary>
public static class NgramScorer
{
    private const int Pieces = 8;

    /// <param name="index">The corpus's index, for the split it was built with.</param>
    /// <param name="encoded">The whole corpus as symbol ids, training split first (<see cref="Data.Corpus.Encoded"/>).</param>
    /// <param name="orders">Highest order scored; every order 1..orders comes out of the same pass.</param>
    public static IReadOnlyList<NgramOrderScore> Score(NgramIndex index, int[] encoded, int orders)
    {
        if (orders is < 1 or > NgramIndex.MaxOrder)
            throw new ConfigException($"n-gram orders go from 1 to {NgramIndex.MaxOrder} (got {orders}).");
        if (index.ValidationLength == 0)
            throw new ConfigException("The validation fraction is 0, so there is no validation split to score on. Use a fraction above 0 (e.g. 0.05).");
        // Fixed pieces, summed in order: the result does not depend on how many cores ran them.
        var sums = new double[Pieces, orders];
        int start = index.TrainLength, length = index.ValidationLength;
        Parallel.For(0, Pieces, piece =>
        {
            var model = new KneserNey(index); // count caches are per thread
            Span<double> p = stackalloc double[orders];
            for (int i = start + (int)((long)length * piece / Pieces); i < start + (int)((long)length * (piece + 1) / Pieces); i++)
            {
                model.ProbabilitiesByOrder(encoded.AsSpan(Math.Max(0, i - orders + 1), Math.Min(i, orders - 1)), encoded[i], p);
                for (int k = 0; k < orders; k++) sums[piece, k] -= Math.Log(p[k]);
            }
        });
        var total = new double[orders];
        for (int piece = 0; piece < Pieces; piece++)
            for (int k = 0; k < orders; k++) total[k] += sums[piece, k];
        return Enumerable.Range(0, orders)
            .Select(k => new NgramOrderScore(k + 1, total[k] / length, index.Discounts[k + 1]))
            .ToArray();
    }
}
