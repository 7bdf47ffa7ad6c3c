using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Interventions;

/// <summary>Interventions in the managed stepper (sampling's engine), on tiny models: hidden 4, vocabulary 5.</summary>
public class SteppedInterventionTests
{
    private const int Length = 24;

    public static TheoryData<CellType, int, int> Models() => new()
    {
        { CellType.Lstm, 1, 0 }, { CellType.Lstm, 2, 0 }, { CellType.Lstm, 2, 3 },
        { CellType.Gru, 1, 0 }, { CellType.Gru, 2, 3 },
        { CellType.Rnn, 1, 3 }, { CellType.Rnn, 2, 0 },
    };

    /// <summary>Edits of every action and target the cell type has, on the first and the last layer.</summary>
    internal static Intervention[] MixedEdits(CellType cell, int layers)
    {
        var edits = new List<Intervention>
        {
            new(0, 2, InterventionTarget.Hidden, InterventionAction.Clamp, 0.7f, From: 5),
            new(layers - 1, 1, InterventionTarget.Hidden, InterventionAction.Scale, -1.5f, From: 0),
            new(layers - 1, 3, InterventionTarget.Hidden, InterventionAction.Ablate, 0f, From: 11),
        };
        if (cell == CellType.Lstm)
        {
            edits.Add(new(0, 0, InterventionTarget.Cell, InterventionAction.Clamp, -2f, From: 3));
            edits.Add(new(layers - 1, 3, InterventionTarget.Cell, InterventionAction.Scale, 0.5f, From: 7));
        }
        return edits.ToArray();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Edited_stepper_matches_a_plain_per_step_torch_loop(CellType cell, int layers, int embedding)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: 3 * layers + embedding);
        int[] symbols = weights.Vocabulary.Encode(TestModels.Text(Length, 5));
        var edits = MixedEdits(cell, layers);

        float[] expected = TorchStepLoop.Logits(weights, symbols, edits);
        var trace = ManagedTrace.Run(weights, symbols, new InterventionSet(weights.Config, edits));
        float[] plain = TorchStepLoop.Logits(weights, symbols, []);

        for (int t = 0; t < Length; t++)
            for (int v = 0; v < 5; v++) Assert.Equal(expected[t * 5 + v], trace.Logits[t][v], 1e-5f);
        Assert.True(expected.Zip(plain).Any(p => MathF.Abs(p.First - p.Second) > 1e-3f), "the edits should change the logits");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Before_From_everything_is_bit_equal_and_from_From_the_unit_holds_the_value(CellType cell, int layers, int embedding)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: 5 + layers);
        int[] symbols = weights.Vocabulary.Encode(TestModels.Text(Length, 5, seed: 4));
        var plain = ManagedTrace.Run(weights, symbols);
        var target = cell == CellType.Lstm ? InterventionTarget.Cell : InterventionTarget.Hidden;
        var clamp = new Intervention(layers - 1, 2, target, InterventionAction.Clamp, 0.8125f, From: 9);
        var edited = ManagedTrace.Run(weights, symbols, new InterventionSet(weights.Config, [clamp]));

        for (int t = 0; t < 9; t++) AssertBitEqual(plain, edited, t);
        for (int t = 9; t < Length; t++) Assert.Equal(0.8125f, edited.State(target, t, layers - 1)[2]);
        Assert.NotEqual(plain.Logits[Length - 1], edited.Logits[Length - 1]);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Clamping_a_unit_to_its_own_unedited_value_changes_nothing(CellType cell, int layers, int embedding)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: 11 + layers);
        int[] symbols = weights.Vocabulary.Encode(TestModels.Text(Length, 5, seed: 6));
        var plain = ManagedTrace.Run(weights, symbols);
        foreach (var target in cell == CellType.Lstm ? [InterventionTarget.Cell, InterventionTarget.Hidden] : new[] { InterventionTarget.Hidden })
        {
            for (int t = 0; t < Length; t++)
            {
                // pinned from t to the value it had at t: through t nothing may move, not even in the last bit
                var own = new Intervention(0, 1, target, InterventionAction.Clamp, plain.State(target, t, 0)[1], From: t);
                var edited = ManagedTrace.Run(weights, symbols[..(t + 1)], new InterventionSet(weights.Config, [own]));
                for (int s = 0; s <= t; s++) AssertBitEqual(plain, edited, s);
            }
            var identity = new Intervention(layers - 1, 3, target, InterventionAction.Scale, 1f);
            var scaled = ManagedTrace.Run(weights, symbols, new InterventionSet(weights.Config, [identity]));
            for (int t = 0; t < Length; t++) AssertBitEqual(plain, scaled, t);
        }
    }

    [Fact]
    public void Reset_restarts_the_positions_so_From_counts_from_the_new_text()
    {
        var weights = TestModels.Random(CellType.Lstm, 1, hidden: 4, vocabulary: 5);
        var rnn = new ManagedRnn(weights, new InterventionSet(weights.Config,
            [new Intervention(0, 0, InterventionTarget.Hidden, InterventionAction.Clamp, 5f, From: 2)]));
        foreach (int s in new[] { 1, 2, 3 }) rnn.Step(s);
        Assert.Equal(5f, rnn.Hidden(0)[0]);
        rnn.Reset();
        rnn.Step(1);
        Assert.NotEqual(5f, rnn.Hidden(0)[0]);
    }

    private static void AssertBitEqual(ManagedTrace expected, ManagedTrace actual, int t)
    {
        Assert.Equal(expected.Logits[t], actual.Logits[t]);
        for (int l = 0; l < expected.Hidden[t].Length; l++)
        {
            Assert.Equal(expected.Hidden[t][l], actual.Hidden[t][l]);
            Assert.Equal(expected.Cell[t][l], actual.Cell[t][l]);
        }
    }
}
