using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Interventions;

/// <summary>The batched ablation ranking must agree with ablating each unit by hand (hidden 4, vocabulary 5).</summary>
public class AblationRankerTests
{
    private const string Alphabet = "ab \"\n";

    [Theory]
    [InlineData(CellType.Lstm, 0, InterventionTarget.Cell, 0, 3)]
    [InlineData(CellType.Lstm, 1, InterventionTarget.Hidden, 3, 128)]
    [InlineData(CellType.Gru, 0, InterventionTarget.Hidden, 0, 1)]
    [InlineData(CellType.Rnn, 1, InterventionTarget.Hidden, 0, 2)]
    public void Ranking_agrees_with_ablating_each_unit_by_hand(CellType cell, int layer, InterventionTarget target, int embedding, int batch)
    {
        var weights = TestModels.Random(cell, 2, hidden: 4, vocabulary: 5, embedding, seed: 13, scale: 1.2f, alphabet: Alphabet);
        string text = QuotedText(150);
        float[] values = [0.5f, -0.25f, 0f, 1f];
        var quote = new QuoteTrack();

        var ranking = AblationRanker.Rank(weights, text, layer, target, [quote], values, batch, chunkSteps: 16);

        double[] plain = Losses(weights, text, []);
        bool[] inside = quote.Compute(text).Select(v => v > 0).ToArray();
        Assert.Equal(plain.Average(), ranking.BaseLoss, 1e-5);
        Assert.Equal(Enumerable.Range(0, 149).Count(t => inside[t]), ranking.Classes[0].Positions);
        foreach (var unit in ranking.Units)
        {
            double[] ablated = Losses(weights, text, [new Intervention(layer, unit.Unit, target, InterventionAction.Ablate, values[unit.Unit])]);
            var change = ablated.Zip(plain, (a, b) => a - b).ToArray();
            Assert.Equal(change.Average(), unit.LossChange, 1e-5);
            Assert.Equal(change.Where((_, t) => inside[t]).Average(), unit.ClassLossChange[0], 1e-5);
            Assert.Equal(values[unit.Unit], unit.Value);
        }
        Assert.Equal(ranking.Units.Select(u => u.LossChange).OrderDescending(), ranking.Units.Select(u => u.LossChange));
        Assert.Equal(4, ranking.Units.Select(u => u.Unit).Distinct().Count());
        Assert.True(ranking.Units[0].LossChange > 1e-4, "some unit should matter");
    }

    [Fact]
    public void Progress_rises_to_one_over_every_batch_and_a_cancelled_ranking_stops()
    {
        var weights = TestModels.Random(CellType.Lstm, 1, hidden: 4, vocabulary: 5, seed: 2, alphabet: Alphabet);
        var reported = new List<double>();

        AblationRanker.Rank(weights, QuotedText(100), 0, InterventionTarget.Cell, [], batch: 2, chunkSteps: 16, progress: new ProgressLog(reported.Add));

        Assert.Equal(2 * 7, reported.Count); // two batches of ⌈100 / 16⌉ chunks
        Assert.Equal(reported.Order(), reported);
        Assert.Equal(0.5, reported[6], 9);
        Assert.Equal(1.0, reported[^1], 9);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => AblationRanker.Rank(weights, QuotedText(100), 0, InterventionTarget.Cell, [], cancel: cancelled.Token));
    }

    // Reports on the calling thread (Progress<T> would post to a thread-pool context).
    private sealed class ProgressLog(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    [Fact]
    public void A_target_the_cell_type_lacks_is_refused()
    {
        var weights = TestModels.Random(CellType.Rnn, 1, hidden: 4, vocabulary: 5, alphabet: Alphabet);
        var error = Assert.Throws<ConfigException>(() => AblationRanker.Rank(weights, "ab ab", 0, InterventionTarget.Cell, []));
        Assert.Contains("RNN has no cell state", error.Message);
    }

    // −log p(next) at positions 0 … N−2 of an exact recording under the edits.
    private static double[] Losses(ModelWeights weights, string text, Intervention[] edits)
    {
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact with { Interventions = edits, Kinds = [ActivationKind.Hidden] });
        return recording.Guesses.NextSymbolProbability[..^1].Select(p => -Math.Log(p)).ToArray();
    }

    /// <summary>A random text of the alphabet "ab \"\n" with whole quotations in it (the quote track varies).</summary>
    internal static string QuotedText(int length)
    {
        var random = new Random(5);
        var text = new System.Text.StringBuilder();
        while (text.Length < length) text.Append(random.Next(6) switch { 0 => "\"ab a\" ", 1 => "\n", 2 => "b ", _ => "a" });
        return text.ToString(0, length);
    }
}
