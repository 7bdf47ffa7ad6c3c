using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Core.Tests.Model.Stepping;

/// <summary>The packed stepper applies interventions through its hook exactly where <see cref="ManagedRnn"/> does (its reference).</summary>
public class PackedRnnHookTests
{
    public static TheoryData<CellType, InterventionTarget, InterventionAction, int> Edits => new()
    {
        { CellType.Lstm, InterventionTarget.Cell, InterventionAction.Clamp, 1 },
        { CellType.Lstm, InterventionTarget.Hidden, InterventionAction.Scale, 3 },
        { CellType.Gru, InterventionTarget.Hidden, InterventionAction.Clamp, 2 },
        { CellType.Rnn, InterventionTarget.Hidden, InterventionAction.Ablate, 3 },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Edited_packed_steps_equal_the_edited_managed_steps(CellType cell, InterventionTarget target, InterventionAction action, int threads)
    {
        // hidden 20: padded to 24, so up to three threads each own a range of units
        var weights = TestModels.Random(cell, 2, hidden: 20, vocabulary: 5, seed: 13, scale: 1.2f);
        var edits = new InterventionSet(weights.Config,
        [
            new Intervention(0, 3, target, action, action switch { InterventionAction.Scale => -2f, InterventionAction.Ablate => 0f, _ => 0.9f }, From: 4),
            new Intervention(1, 17, InterventionTarget.Hidden, InterventionAction.Clamp, -0.7f, From: 9),
        ]);
        using var managed = new ManagedRnn(weights, edits);
        using var packed = new PackedRnn(weights, new StepperOptions(WeightPrecision.Float32, threads), hook: edits);
        using var plain = new PackedRnn(weights, new StepperOptions(WeightPrecision.Float32, threads));

        int[] symbols = weights.Vocabulary.Encode(TestModels.Text(30, 5, seed: 6));
        for (int t = 0; t < symbols.Length; t++)
        {
            float[] expected = managed.Step(symbols[t]).ToArray(), unedited = plain.Step(symbols[t]).ToArray();
            var actual = packed.Step(symbols[t]);
            for (int v = 0; v < expected.Length; v++) Assert.Equal(expected[v], actual[v], 1e-4f);
            if (t < 4) Assert.Equal(unedited, actual.ToArray()); // nothing changes before the first edit's From, bit for bit
        }
    }

    [Fact]
    public void A_paired_sample_on_the_packed_stepper_equals_the_managed_one()
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 12, vocabulary: 5, seed: 4, scale: 1.5f);
        var edits = new InterventionSet(weights.Config, [new Intervention(1, 5, InterventionTarget.Hidden, InterventionAction.Clamp, 8f, From: 6)]);
        var options = new SampleOptions(Length: 120, Temperature: 1, Prime: "ab", Seed: 3);

        var managed = PairedSampler.Generate(weights, options, edits);
        var packed = PairedSampler.Generate(weights, options, edits, stepper: new StepperOptions(WeightPrecision.Float32, 2));

        Assert.Equal(managed.PlainText, packed.PlainText);
        Assert.Equal(managed.EditedText, packed.EditedText);
        Assert.Equal(managed.FirstDivergence, packed.FirstDivergence);
        Assert.NotEqual(managed.PlainText, managed.EditedText);
        for (int n = 0; n < managed.Kl.Length; n++) Assert.Equal(managed.Kl[n], packed.Kl[n], 1e-4);
    }
}
