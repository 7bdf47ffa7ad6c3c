using CharRnnLab.Core.Analysis.Influence;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Analysis.Influence;

/// <summary>Influence = ‖∂ log p(next) / ∂x_{N−k}‖ must match central finite differences in double precision (hidden 4, vocabulary 5).</summary>
public class InfluenceTests
{
    [Theory]
    [InlineData(CellType.Lstm, 2, 0, 12, 8)]
    [InlineData(CellType.Lstm, 1, 3, 12, 20)]
    [InlineData(CellType.Gru, 2, 0, 9, 9)]
    [InlineData(CellType.Rnn, 2, 3, 10, 4)]
    public void Gradient_norms_match_finite_differences(CellType cell, int layers, int embedding, int position, int span)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: 17 + layers, scale: 0.9f);
        string text = TestModels.Text(16, 5, seed: 9);
        int[] symbols = weights.Vocabulary.Encode(text);

        var influence = InfluenceAnalyzer.At(weights, text, position, span);

        int distances = Math.Min(span, position);
        Assert.Equal(distances, influence.Norms.Length);
        Assert.Equal(embedding > 0 ? "embedding" : "one-hot", influence.InputKind);
        var inputs = symbols[..position].Select(s => NaiveRecurrence.Input(weights, s)).ToArray();
        Assert.Equal(Math.Log(NaiveRecurrence.Run(weights, inputs).Probabilities[^1][symbols[position]]), influence.LogProbability, 1e-5);
        for (int k = 1; k <= distances; k++)
        {
            double expected = FiniteDifferenceNorm(weights, inputs, position - k, symbols[position]);
            Assert.True(Math.Abs(expected - influence.Norms[k - 1]) <= 1e-4 + 1e-3 * expected,
                $"distance {k}: finite differences {expected:G6}, gradient {influence.Norms[k - 1]:G6}");
        }
    }

    [Theory]
    [InlineData(CellType.Lstm)]
    [InlineData(CellType.Gru)]
    [InlineData(CellType.Rnn)]
    public void Prefix_checkpoints_give_the_influence_of_one_pass_from_zero(CellType cell)
    {
        var weights = TestModels.Random(cell, 2, hidden: 4, vocabulary: 5, seed: 5, scale: 0.9f);
        string text = TestModels.Text(60, 5, seed: 4), other = TestModels.Text(60, 5, seed: 8);

        // stride 3: positions 40 and 23 start from checkpoints, read in both orders, then another text under the same weights
        foreach (var (t, position) in new[] { (text, 40), (text, 23), (text, 41), (other, 40) })
        {
            var chunked = InfluenceAnalyzer.At(weights, t, position, span: 7, stride: 3);
            var whole = InfluenceAnalyzer.At(weights, t, position, span: 7, stride: int.MaxValue);
            Assert.Equal(whole.LogProbability, chunked.LogProbability, 1e-6);
            for (int k = 0; k < whole.Norms.Length; k++) Assert.Equal(whole.Norms[k], chunked.Norms[k], 1e-6);
        }
    }

    [Fact]
    public void The_chart_averages_single_positions_read_with_the_same_warm_up()
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5, seed: 3);
        string text = TestModels.Text(60, 5, seed: 2);

        var chart = MemorySpan.Chart(weights, text, span: 6, positions: 5, warmUp: 0, batch: 2);

        // with no warm-up each window starts from a zero state at N − span: At with that text start
        var expected = new double[6];
        foreach (int n in chart.Positions)
        {
            var single = InfluenceAnalyzer.At(weights, text[(n - 6)..], 6, span: 6);
            for (int k = 0; k < 6; k++) expected[k] += single.Norms[k] / chart.Positions.Count;
        }
        Assert.Equal(5, chart.Positions.Count);
        for (int k = 0; k < 6; k++) Assert.Equal(expected[k], chart.MeanNorms[k], 1e-6);
    }

    [Fact]
    public void A_position_without_inputs_before_it_is_refused()
    {
        var weights = TestModels.Random(CellType.Rnn, 1, hidden: 4, vocabulary: 5);
        var error = Assert.Throws<ConfigException>(() => InfluenceAnalyzer.At(weights, "abcab", 0));
        Assert.Contains("between 1 and 4", error.Message);
    }

    // ‖(f(x + εe_j) − f(x − εe_j)) / 2ε‖ over the components j of input t, f = log p(target) after the last input.
    private static double FiniteDifferenceNorm(ModelWeights weights, double[][] inputs, int t, int target)
    {
        const double epsilon = 1e-5;
        double sum = 0;
        for (int j = 0; j < inputs[t].Length; j++)
        {
            double F(double delta)
            {
                var moved = inputs.Select(x => x.ToArray()).ToArray();
                moved[t][j] += delta;
                return Math.Log(NaiveRecurrence.Run(weights, moved).Probabilities[^1][target]);
            }
            double derivative = (F(epsilon) - F(-epsilon)) / (2 * epsilon);
            sum += derivative * derivative;
        }
        return Math.Sqrt(sum);
    }
}
