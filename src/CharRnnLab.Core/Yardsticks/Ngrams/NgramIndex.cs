using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Index;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>
/// Everything n-gram models of order 1..<see cref="MaxOrder"/> need from a corpus: the suffix
/// array of its training split reversed (so a context grows to the left one binary search at a
/// time) and the Kneser–Ney discounts. The split is the runs' own (<see cref="MinibatchLoader.SplitLengths"/>).
/// </summary>
public sealed class NgramIndex
{
    public const int MaxOrder = 20;

    /// <summary>Largest training split indexed by default (symbols): about 20 bytes each while building.</summary>
    public const int MaxTrainingSymbols = 32_000_000;

    internal NgramIndex(SuffixIndex reversed, double[] discounts, int trainLength, int validationLength, double validationFraction)
    {
        Reversed = reversed;
        Discounts = discounts;
        TrainLength = trainLength;
        ValidationLength = validationLength;
        ValidationFraction = validationFraction;
    }

    /// <summary>The training split, reversed, and its suffix array.</summary>
    public SuffixIndex Reversed { get; }
    /// <summary>D[k], the discount of k-grams, k = 1..<see cref="MaxOrder"/>.</summary>
    public IReadOnlyList<double> Discounts { get; }
    public int Vocabulary => Reversed.Alphabet;
    public int TrainLength { get; }
    public int ValidationLength { get; }
    public double ValidationFraction { get; }

    public static NgramIndex Build(Corpus corpus, double validationFraction, int maxTrainingSymbols = MaxTrainingSymbols)
    {
        var (train, validation) = Split(corpus, validationFraction, maxTrainingSymbols);
        var reversed = new SuffixIndex(ReversedTrainingSplit(corpus, train), corpus.Vocabulary.Count);
        return new NgramIndex(reversed, KneserNeyDiscounts.Estimate(reversed, MaxOrder), train, validation, validationFraction);
    }

    /// <summary>An index whose suffix array and discounts were saved before (<see cref="NgramIndexCache"/>).</summary>
    internal static NgramIndex Restore(Corpus corpus, double validationFraction, int[] suffixes, double[] discounts)
    {
        var (train, validation) = MinibatchLoader.SplitLengths(corpus.Length, validationFraction);
        return new NgramIndex(new SuffixIndex(ReversedTrainingSplit(corpus, train), corpus.Vocabulary.Count, suffixes),
            discounts, train, validation, validationFraction);
    }

    /// <summary>The lengths of the two splits, or a refusal when the training split is too large to index.</summary>
    internal static (int Train, int Validation) Split(Corpus corpus, double validationFraction, int maxTrainingSymbols)
    {
        if (double.IsNaN(validationFraction) || validationFraction < 0 || validationFraction > MinibatchLoader.MaxValidationFraction)
            throw new ConfigException($"validation fraction must be between 0 and {MinibatchLoader.MaxValidationFraction} (got {validationFraction}).");
        var (train, validation) = MinibatchLoader.SplitLengths(corpus.Length, validationFraction);
        if (train > maxTrainingSymbols)
            throw new CorpusException(
                $"{corpus.Describe()}: its training split has {train:N0} symbols; n-gram baselines index at most {maxTrainingSymbols:N0} " +
                "(about 20 bytes of memory each while the suffix array is built). Use a shorter corpus, e.g. cut it with `head -c`.");
        return (train, validation);
    }

    private static int[] ReversedTrainingSplit(Corpus corpus, int train)
    {
        var reversed = corpus.Encoded.AsSpan(0, train).ToArray();
        Array.Reverse(reversed);
        return reversed;
    }
}
