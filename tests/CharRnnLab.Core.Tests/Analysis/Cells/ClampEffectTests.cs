using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Tests.Interventions;

namespace CharRnnLab.Core.Tests.Analysis.Cells;

/// <summary>The batched clamp-effect measurement against two clamped forwards run by hand (hidden 4, vocabulary 5).</summary>
public class ClampEffectTests
{
    private const string Alphabet = "ab \"\n";

    [Theory]
    [InlineData(CellType.Lstm, 0, InterventionTarget.Cell, 0)]
    [InlineData(CellType.Lstm, 1, InterventionTarget.Hidden, 3)]
    [InlineData(CellType.Gru, 1, InterventionTarget.Hidden, 0)]
    [InlineData(CellType.Rnn, 0, InterventionTarget.Hidden, 2)]
    public void The_mean_probabilities_match_two_clamped_forwards_run_by_hand(CellType cell, int layer, InterventionTarget target, int embedding)
    {
        var weights = TestModels.Random(cell, 2, hidden: 4, vocabulary: 5, embedding, seed: 11, scale: 1.2f, alphabet: Alphabet);
        string text = AblationRankerTests.QuotedText(150);
        const int unit = 1;
        const float high = 0.8f, low = -0.6f;

        var effect = ClampEffects.Measure(weights, text, layer, unit, target, high, low, top: 10, chunkSteps: 16);

        double[] plain = MeanDistribution(weights, text, []);
        double[] clampedHigh = MeanDistribution(weights, text, [new Intervention(layer, unit, target, InterventionAction.Clamp, high)]);
        double[] clampedLow = MeanDistribution(weights, text, [new Intervention(layer, unit, target, InterventionAction.Clamp, low)]);
        Assert.Equal(149, effect.Positions);
        Assert.Equal(Alphabet.Order().Select(c => c.ToString()), effect.Symbols.Select(s => s.Symbol));
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(plain[i], effect.Symbols[i].Unedited, 1e-5);
            Assert.Equal(clampedHigh[i], effect.Symbols[i].High, 1e-5);
            Assert.Equal(clampedLow[i], effect.Symbols[i].Low, 1e-5);
        }
        Assert.Equal(1, effect.Symbols.Sum(s => s.High), 1e-5);
        Assert.Equal(effect.Symbols.Where(s => s.Change > 0).OrderByDescending(s => s.Change), effect.Rises);
        Assert.Equal(effect.Symbols.Where(s => s.Change < 0).OrderBy(s => s.Change), effect.Falls);
        Assert.NotEmpty(effect.Rises);
        Assert.Equal(new Intervention(layer, unit, target, InterventionAction.Clamp, high), effect.High);
    }

    [Fact]
    public void Clamping_high_and_low_to_the_same_value_moves_nothing()
    {
        var weights = TestModels.Random(CellType.Lstm, 1, hidden: 4, vocabulary: 5, seed: 3, alphabet: Alphabet);

        var effect = ClampEffects.Measure(weights, AblationRankerTests.QuotedText(80), 0, 2, InterventionTarget.Cell, 0.3f, 0.3f);

        Assert.Empty(effect.Rises);
        Assert.Empty(effect.Falls);
    }

    [Fact]
    public void A_unit_or_target_the_model_lacks_is_refused_by_name()
    {
        var weights = TestModels.Random(CellType.Gru, 1, hidden: 4, vocabulary: 5, alphabet: Alphabet);

        Assert.Contains("GRU has no cell state", Assert.Throws<ConfigException>(() =>
            ClampEffects.Measure(weights, "ab ab", 0, 0, InterventionTarget.Cell, 1, 0)).Message);
        Assert.Contains("units 0 to 3", Assert.Throws<ConfigException>(() =>
            ClampEffects.Measure(weights, "ab ab", 0, 4, InterventionTarget.Hidden, 1, 0)).Message);
    }

    // The full next-symbol distribution of an exact recording under the edits (top guesses = the whole
    // vocabulary of 5), averaged over the positions that predict a character.
    private static double[] MeanDistribution(ModelWeights weights, string text, Intervention[] edits)
    {
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact with { Interventions = edits, Kinds = [ActivationKind.Hidden] });
        var guesses = recording.Guesses;
        var mean = new double[weights.Vocabulary.Count];
        int positions = recording.Characters - 1;
        for (int t = 0; t < positions; t++)
            for (int k = 0; k < guesses.K; k++)
                mean[guesses.SymbolIndices[t * guesses.K + k]] += guesses.Probabilities[t * guesses.K + k] / positions;
        return mean;
    }
}
