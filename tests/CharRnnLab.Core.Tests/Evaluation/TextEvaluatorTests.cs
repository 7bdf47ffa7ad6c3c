using CharRnnLab.Core.Evaluation;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Evaluation;

/// <summary>The evaluator (libtorch forward in chunks, state carried) equals the textbook loop, one character at a time.</summary>
public sealed class TextEvaluatorTests
{
    [Theory]
    [InlineData(CellType.Lstm, 0)]
    [InlineData(CellType.Lstm, 3)]
    [InlineData(CellType.Gru, 0)]
    [InlineData(CellType.Rnn, 3)]
    public void The_mean_loss_equals_the_naive_loop_across_chunks(CellType cell, int embedding)
    {
        var weights = TestModels.Random(cell, layers: 2, hidden: 4, vocabulary: 5, embedding: embedding);
        string text = TestModels.Text(5_000, vocabulary: 5); // longer than one chunk of 4,096 steps

        var loss = TextEvaluator.Evaluate(weights, text);

        int[] symbols = weights.Vocabulary.Encode(text);
        var probabilities = NaiveRecurrence.Run(weights, symbols).Probabilities;
        double naive = Enumerable.Range(0, symbols.Length - 1).Average(t => -Math.Log(probabilities[t][symbols[t + 1]]));
        Assert.Equal((5_000, 4_999), (loss.Characters, loss.Predictions));
        Assert.Equal(naive, loss.Nats, 1e-5);
        Assert.Equal(naive / Math.Log(2), loss.Bits, 1e-5);
    }

    [Fact]
    public void Each_targets_probability_equals_the_naive_loop_across_chunks()
    {
        var weights = TestModels.Random(CellType.Lstm, layers: 2, hidden: 4, vocabulary: 5, embedding: 0);
        string text = TestModels.Text(4_200, vocabulary: 5);

        double[] p = TextEvaluator.TargetProbabilities(weights, text);

        int[] symbols = weights.Vocabulary.Encode(text);
        var naive = NaiveRecurrence.Run(weights, symbols).Probabilities;
        Assert.Equal(4_199, p.Length);
        for (int t = 0; t < p.Length; t += 7) Assert.Equal(naive[t][symbols[t + 1]], p[t], 1e-5);
        Assert.Equal(TextEvaluator.Evaluate(weights, text).Nats, p.Average(x => -Math.Log(x)), 1e-5);
    }

    [Fact]
    public void The_printed_line_gives_both_units()
    {
        Assert.Equal("mean loss over 1,234 predictions: 1.386294 nats, 2.000000 bits per character",
            new TextLoss(1_235, 1_234, Math.Log(4)).ToString());
    }

    [Theory]
    [InlineData("a", "at least two")]
    [InlineData("abz", "'z' (U+007A)")]
    public void A_text_it_cannot_score_is_refused_saying_why(string text, string expected)
    {
        var weights = TestModels.Random(CellType.Lstm, layers: 1, hidden: 4, vocabulary: 5);
        Assert.Contains(expected, Assert.Throws<CharRnnException>(() => TextEvaluator.Evaluate(weights, text)).Message);
    }
}
