using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;
using static CharRnnLab.Core.Tests.Analysis.Recording.RecorderEquivalenceTests;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

/// <summary>
/// float16 storage and the kinds derived on read (an LSTM's tanh c and h), at hidden 4 and
/// vocabulary 5: float32 recordings equal the model's forward to 1e-5, float16 ones stay within
/// float16 rounding of it, and every stored float16 value is the float32 recording's value rounded.
/// </summary>
public class RecorderPrecisionTests
{
    public static TheoryData<CellType, int, int> Models() => new()
    {
        { CellType.Lstm, 2, 0 }, { CellType.Lstm, 1, 3 }, { CellType.Gru, 2, 0 }, { CellType.Rnn, 2, 3 },
    };

    public static TheoryData<CellType, int, int, RecordingPrecision> ModelsAndPrecisions()
    {
        var data = new TheoryData<CellType, int, int, RecordingPrecision>();
        foreach (var precision in Enum.GetValues<RecordingPrecision>())
            foreach (var (cell, layers, embedding) in new[] { (CellType.Lstm, 2, 0), (CellType.Lstm, 1, 3), (CellType.Gru, 2, 0), (CellType.Rnn, 2, 3) })
                data.Add(cell, layers, embedding, precision);
        return data;
    }

    [Theory]
    [MemberData(nameof(ModelsAndPrecisions))]
    public void Recording_matches_the_forward_to_1e5_in_float32_and_within_float16_rounding_in_float16(
        CellType cell, int layers, int embedding, RecordingPrecision precision)
    {
        var (weights, text, naive) = Model(cell, layers, embedding);
        var recording = ActivationRecorder.Record(weights, text, Options(precision));

        Assert.Equal(precision, recording.Mode.Precision);
        Assert.Equal(naive.Keys.Order(), recording.Arrays.Order());
        foreach (var (key, expected) in naive)
        {
            var actual = recording.Get(key.Layer, key.Kind);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance(precision, expected[i]),
                    $"{key} element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Stored_float16_values_are_the_float32_values_rounded_and_reads_agree(CellType cell, int layers, int embedding)
    {
        var (weights, text, _) = Model(cell, layers, embedding);
        var single = ActivationRecorder.Record(weights, text, Options(RecordingPrecision.Single));
        var half = ActivationRecorder.Record(weights, text, Options(RecordingPrecision.Half));
        var derived = cell == CellType.Lstm ? new[] { ActivationKind.TanhCell, ActivationKind.Hidden } : [];

        foreach (var (layer, kind) in half.Arrays)
        {
            float[] all = half.Get(layer, kind);
            if (!derived.Contains(kind))
                Assert.Equal(single.Get(layer, kind).Select(v => (float)(Half)v), all);
            for (int t = 0; t < half.Characters; t++) Assert.Equal(all.AsSpan(t * 4, 4).ToArray(), half.Row(layer, kind, t).ToArray());
            for (int u = 0; u < 4; u++) Assert.Equal(Enumerable.Range(0, half.Characters).Select(t => all[t * 4 + u]), half.Column(layer, kind, u));
        }
    }

    [Fact]
    public void An_LSTM_stores_five_kinds_a_layer_and_h_itself_where_an_edit_sets_it()
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5, seed: 3);
        string text = TestModels.Text(30, 5);
        var plain = ActivationRecorder.Record(weights, text, Options(RecordingPrecision.Half));
        var clampH = new Core.Interventions.Intervention(1, 2, Core.Interventions.InterventionTarget.Hidden,
            Core.Interventions.InterventionAction.Clamp, 0.3f, From: 10);
        var edited = ActivationRecorder.Record(weights, text, Options(RecordingPrecision.Half) with { Interventions = [clampH] });

        Assert.Equal(2 * 5 * 30 * 4 * sizeof(ushort), plain.StoredBytes);
        Assert.Equal(2 * 5 * 30 * 4 * sizeof(ushort) + 30 * 4 * sizeof(ushort), edited.StoredBytes); // layer 2's h is no longer o⊙tanh c
        for (int t = 10; t < 30; t++) Assert.Equal((float)(Half)0.3f, edited.Row(1, ActivationKind.Hidden, t)[2]);
    }

    // float32: 1e-5. float16: two rounding steps of the value (at least of 0.5), one for the stored
    // value, one for a kind derived from stored ones (tanh c from c, h from o and c).
    private static float Tolerance(RecordingPrecision precision, float expected) =>
        precision == RecordingPrecision.Single ? 1e-5f : MathF.Max(MathF.Abs(expected), 0.5f) / 1024 + 1e-5f;

    private static RecordingOptions Options(RecordingPrecision precision) =>
        new() { Streams = 1, WarmUp = 0, ChunkSteps = 7, Precision = precision };

    private static (ModelWeights Weights, string Text, Dictionary<(int Layer, ActivationKind Kind), float[]> Naive) Model(
        CellType cell, int layers, int embedding)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: 5 * layers + embedding, scale: 1.5f);
        string text = TestModels.Text(40, 5, seed: 4);
        return (weights, text, NaiveRecurrence.Run(weights, weights.Vocabulary.Encode(text)).Values);
    }
}
