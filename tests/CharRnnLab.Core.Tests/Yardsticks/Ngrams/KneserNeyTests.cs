using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Core.Tests.Yardsticks.Ngrams;

public class KneserNeyTests
{
    // "abcab": unigrams a 2, b 2, c 1 → D1 = 1/(1 + 2·2) = 0.2; bigrams ab 2, bc 1, ca 1 → D2 = 2/(2 + 2·1) = 0.5;
    // trigrams abc, bca, cab once each → D3 = 3/3 = 1.
    private static readonly KneserNey Abcab = new(NgramIndex.Build(CorpusLoader.FromText("abcab", "abcab"), 0));
    private const int A = 0, B = 1, C = 2;

    [Fact]
    public void Discounts_come_from_the_count_of_counts()
    {
        Assert.Equal([0.2, 0.5, 1.0], Abcab.Index.Discounts.Skip(1).Take(3));
    }

    [Fact]
    public void Unigrams_match_the_hand_computed_values()
    {
        // P1(w) = (c(w) − D1 + D1 · N1+(·) / V) / N, N1+(·) = 3 distinct symbols, V = 3, N = 5.
        Assert.Equal(0.4, Abcab.Probability([], A, 1), 12);    // (2 − 0.2 + 0.2) / 5
        Assert.Equal(0.2, Abcab.Probability([], C, 1), 12);    // (1 − 0.2 + 0.2) / 5
    }

    [Fact]
    public void Bigrams_interpolate_with_continuation_unigrams()
    {
        // Each symbol has one distinct left neighbour, there are 3 distinct bigrams: P_cont(w) = (1 − 0.2 + 0.2·3/3) / 3 = 1/3.
        // After a: c(a ·) = 2, all ab, N1+(a ·) = 1.
        Assert.Equal(5.0 / 6, Abcab.Probability([A], B, 2), 12);   // (2 − 0.5 + 0.5 · 1 · 1/3) / 2
        Assert.Equal(1.0 / 12, Abcab.Probability([A], A, 2), 12);  // (0 + 0.5 · 1/3) / 2
        // b is followed once (the final b is not): (1 − 0.5 + 0.5/3) / 1.
        Assert.Equal(2.0 / 3, Abcab.Probability([C, B], C, 2), 12);
    }

    [Fact]
    public void An_unseen_context_backs_off_to_continuation_counts_not_raw_counts()
    {
        // "ba" never occurs: P3(b | ba) = P_cont(b | a) = (N1+(· a b) − D2 + D2 · 1 · 1/3) / N1+(· a ·) = (1 − 0.5 + 1/6) / 1,
        // not P2(b | a) = 5/6, which counts both ab's.
        Assert.Equal(2.0 / 3, Abcab.Probability([B, A], B, 3), 12);
        // "ab" is followed once, by c; D3 = 1 hands all its mass to P_cont(· | b) = (1 − 0.5 + 0.5/3) for c.
        Assert.Equal(2.0 / 3, Abcab.Probability([A, B], C, 3), 12);
    }

    [Fact]
    public void Every_order_agrees_with_the_formulas_counted_by_hand()
    {
        var (corpus, text) = TinyCorpus(seed: 3, length: 90);
        var model = new KneserNey(NgramIndex.Build(corpus, 0));
        var reference = new NaiveKneserNey(text, corpus.Vocabulary.Count);
        var random = new Random(4);

        Assert.Equal(reference.Discounts.Select(d => Math.Round(d, 12)), model.Index.Discounts.Select(d => Math.Round(d, 12)));
        foreach (int order in new[] { 1, 2, 3, 4, 6, 20 })
            for (int trial = 0; trial < 12; trial++)
            {
                int[] history = History(text, random, maxLength: order + 2);
                int w = random.Next(corpus.Vocabulary.Count);
                Assert.Equal(reference.Probability(history, w, order), model.Probability(history, w, order), 12);
            }
    }

    [Fact]
    public void Every_smoothed_distribution_sums_to_one_at_every_order()
    {
        var (corpus, text) = TinyCorpus(seed: 5, length: 400);
        var model = new KneserNey(NgramIndex.Build(corpus, 0.1));
        var random = new Random(6);
        var p = new double[corpus.Vocabulary.Count];

        for (int order = 1; order <= NgramIndex.MaxOrder; order++)
            for (int trial = 0; trial < 8; trial++)
            {
                model.Distribution(History(text, random, maxLength: order + 1), order, p);
                Assert.Equal(1.0, p.Sum(), 10);
                Assert.All(p, x => Assert.True(x > 0, $"order {order}: a symbol got probability {x}"));
            }
    }

    [Fact]
    public void All_orders_in_one_pass_equal_each_order_alone()
    {
        var (corpus, text) = TinyCorpus(seed: 7, length: 300);
        var model = new KneserNey(NgramIndex.Build(corpus, 0));
        var together = new double[NgramIndex.MaxOrder];
        int[] history = text[100..130];

        model.ProbabilitiesByOrder(history, text[130], together);

        for (int order = 1; order <= NgramIndex.MaxOrder; order++)
            Assert.Equal(new KneserNey(model.Index).Probability(history, text[130], order), together[order - 1], 14);
    }

    /// <summary>Vocabulary 5, a text with some structure (random words from a few), so that long contexts repeat.</summary>
    internal static (Corpus Corpus, int[] Text) TinyCorpus(int seed, int length)
    {
        var random = new Random(seed);
        string[] words = ["ab", "cab", "de", "ace", "bad", "e"];
        var text = new System.Text.StringBuilder();
        while (text.Length < length) text.Append(words[random.Next(words.Length)]);
        var corpus = CorpusLoader.FromText("tiny", text.ToString()[..length]);
        return (corpus, corpus.Encoded);
    }

    // A history: a piece of the text (contexts seen) or random symbols (contexts unseen), of 0..maxLength symbols.
    private static int[] History(int[] text, Random random, int maxLength)
    {
        int length = random.Next(maxLength + 1);
        if (random.Next(3) == 0) return Enumerable.Range(0, length).Select(_ => random.Next(5)).ToArray();
        int start = random.Next(text.Length - length + 1);
        return text[start..(start + length)];
    }
}
