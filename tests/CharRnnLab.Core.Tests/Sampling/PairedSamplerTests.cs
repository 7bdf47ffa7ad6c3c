using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Core.Tests.Sampling;

public class PairedSamplerTests
{
    private static readonly ModelWeights Weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5, seed: 21, scale: 1.5f);

    private static InterventionSet Set(params Intervention[] edits) => new(Weights.Config, edits);

    [Fact]
    public void The_unedited_side_is_the_plain_sampler_with_the_same_seed()
    {
        var options = new SampleOptions(Length: 300, Prime: "abc", Seed: 8);
        var paired = PairedSampler.Generate(Weights, options, Set(new Intervention(0, 1, InterventionTarget.Cell, InterventionAction.Clamp, 3f)));
        Assert.Equal(new Sampler(Weights).GenerateText(options), paired.PlainText);
        Assert.Equal(8, paired.Seed);
    }

    [Fact]
    public void An_edit_that_changes_nothing_gives_the_same_text_and_zero_divergence()
    {
        var paired = PairedSampler.Generate(Weights, new SampleOptions(Length: 200, Seed: 3),
            Set(new Intervention(1, 2, InterventionTarget.Hidden, InterventionAction.Scale, 1f)));
        Assert.Equal(paired.PlainText, paired.EditedText);
        Assert.Null(paired.FirstDivergence);
        Assert.All(paired.Kl, kl => Assert.Equal(0, kl));
    }

    [Fact]
    public void A_strong_clamp_diverges_and_the_divergence_is_where_the_texts_first_differ()
    {
        var paired = PairedSampler.Generate(Weights, new SampleOptions(Length: 200, Prime: "ab", Seed: 5),
            Set(new Intervention(1, 0, InterventionTarget.Hidden, InterventionAction.Clamp, 4f, From: 10)));
        int first = Assert.IsType<int>(paired.FirstDivergence);
        Assert.Equal(paired.PlainText[..first], paired.EditedText[..first]);
        Assert.NotEqual(paired.PlainText[first], paired.EditedText[first]);
        // positions 0, 1 are the prime and generated character n is read at position n + 2, so the
        // state edited first (after reading position 10, character 8) predicts character 9
        Assert.All(paired.Kl[..9], kl => Assert.Equal(0, kl));
        Assert.True(paired.Kl[9] > 0.01, $"KL at the first edited prediction: {paired.Kl[9]}");
        Assert.True(first >= 9);
    }

    [Fact]
    public void A_cancelled_generation_stops_with_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => PairedSampler.Generate(Weights, new SampleOptions(Length: 50, Seed: 1),
            Set(new Intervention(0, 0, InterventionTarget.Hidden, InterventionAction.Ablate)), cancel.Token));
    }

    [Fact]
    public void Kl_matches_the_definition_on_known_distributions()
    {
        float[] p = [0f, 1f, 2f], q = [1f, 1f, 1f];
        double[] pp = Softmax(p), qq = Softmax(q);
        double expected = pp.Zip(qq).Sum(x => x.First * Math.Log(x.First / x.Second));
        Assert.Equal(expected, KlDivergence.FromLogits(p, q), 12);
        Assert.Equal(0, KlDivergence.FromLogits(p, p));
    }

    private static double[] Softmax(float[] logits)
    {
        var e = logits.Select(l => Math.Exp(l)).ToArray();
        return e.Select(x => x / e.Sum()).ToArray();
    }
}
