using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Interventions;

/// <summary>What an edit did to the predictions over a text, from two recorder passes (hidden 4, vocabulary 5).</summary>
public class EditEffectTests
{
    private const string Alphabet = "ab \"\n";
    private const string Text = "ab \"ab a\"\nb a \"a\"\nab\n\"b b\" a";

    private static float[] Next(ModelWeights weights, params Intervention[] edits) =>
        ActivationRecorder.Record(weights, Text, RecordingOptions.Exact with { Interventions = edits, Kinds = [ActivationKind.Hidden] })
            .Guesses.NextSymbolProbability;

    private static string[] Symbols => Text.Select(c => c.ToString()).ToArray();

    [Fact]
    public void The_change_is_zero_before_from_and_the_losses_are_the_hand_computed_means_per_class()
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5, seed: 7, scale: 1.2f, alphabet: Alphabet);
        const int From = 9;
        float[] plain = Next(weights), edited = Next(weights, new Intervention(0, 2, InterventionTarget.Cell, InterventionAction.Clamp, 3f, From));

        var effect = EditEffect.Compare(plain, edited, Symbols, FeatureClasses.All);

        int n = Text.Length - 1;
        Assert.Equal(n, effect.LogProbabilityChange.Length);
        Assert.All(effect.LogProbabilityChange[..From], d => Assert.Equal(0f, d)); // positions < FROM predict characters 1 … FROM
        Assert.Contains(effect.LogProbabilityChange[From..], d => Math.Abs(d) > 1e-4);
        double[] lossChange = Enumerable.Range(0, n).Select(t => Math.Log(plain[t]) - Math.Log(edited[t])).ToArray();
        Assert.Equal(lossChange.Average(), effect.LossChange, 1e-5);
        Assert.Equal(Enumerable.Range(0, n).Average(t => -Math.Log(plain[t])), effect.BaseLoss, 1e-6);
        bool[] quoted = new QuoteTrack().Compute(Text).Select(v => v > 0).ToArray();
        var quote = effect.Classes.Single(c => c.Feature == "quote");
        Assert.Equal(Enumerable.Range(0, n).Count(t => quoted[t]), quote.Positions);
        Assert.Equal(Enumerable.Range(0, n).Where(t => quoted[t]).Average(t => lossChange[t]), quote.LossChange, 1e-5);
        var lineStart = effect.Classes.Single(c => c.Feature == "linestart");
        Assert.Equal(Text.Take(n).Count(c => c == '\n'), lineStart.Positions);
        Assert.True(double.IsNaN(effect.Classes.Single(c => c.Feature == "url").LossChange)); // no URL: no mean
    }

    [Fact]
    public void No_edit_changes_nothing()
    {
        var weights = TestModels.Random(CellType.Gru, 1, hidden: 4, vocabulary: 5, seed: 3, alphabet: Alphabet);
        float[] plain = Next(weights);

        var effect = EditEffect.Compare(plain, Next(weights), Symbols, FeatureClasses.All);

        Assert.All(effect.LogProbabilityChange, d => Assert.Equal(0f, d));
        Assert.Equal(0, effect.LossChange);
    }

    [Fact]
    public void Arrays_of_another_length_than_the_text_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EditEffect.Compare([0.5f], [0.5f, 0.5f], ["a", "b"], []));
        Assert.Throws<CharRnnException>(() => EditEffect.Compare([float.NaN], [float.NaN], ["a"], []));
    }

    [Fact]
    public void Line_start_marks_the_newlines_whose_next_character_starts_a_line()
    {
        Assert.Equal([0f, 1f, 0f, 1f, 1f, 0f], new LineStartTrack().Compute("a\nb\n\nc"));
        Assert.Same(FeatureClasses.Find("QUOTE"), FeatureClasses.All[0]);
        Assert.Contains("linestart", Assert.Throws<CharRnnException>(() => FeatureClasses.Find("sentiment")).Message);
    }
}
