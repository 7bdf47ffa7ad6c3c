using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Tests.Interventions;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

/// <summary>Recording under interventions, exact and in parallel streams, on tiny models (hidden 4, vocabulary 5).</summary>
public class RecorderInterventionTests
{
    [Theory]
    [MemberData(nameof(SteppedInterventionTests.Models), MemberType = typeof(SteppedInterventionTests))]
    public void Exact_edited_recording_matches_the_edited_stepper(CellType cell, int layers, int embedding)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: 2 * layers + embedding);
        string text = TestModels.Text(30, 5, seed: 8);
        var edits = SteppedInterventionTests.MixedEdits(cell, layers);
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact with { ChunkSteps = 7, Interventions = edits });
        var trace = ManagedTrace.Run(weights, weights.Vocabulary.Encode(text), new InterventionSet(weights.Config, edits));

        for (int t = 0; t < 30; t++)
            for (int l = 0; l < layers; l++)
            {
                AssertClose(trace.Hidden[t][l], recording.Row(l, ActivationKind.Hidden, t));
                if (cell == CellType.Lstm) AssertClose(trace.Cell[t][l], recording.Row(l, ActivationKind.Cell, t));
            }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Before_From_the_recording_is_bit_equal_and_after_it_the_unit_is_the_value(int streams)
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5, seed: 9);
        string text = TestModels.Text(200, 5, seed: 1);
        var options = new RecordingOptions { Streams = streams, WarmUp = 20, ChunkSteps = 16, Precision = RecordingPrecision.Single };
        var plain = ActivationRecorder.Record(weights, text, options);
        var clampC = new Intervention(0, 1, InterventionTarget.Cell, InterventionAction.Clamp, 1.25f, From: 90);
        var clampH = new Intervention(1, 2, InterventionTarget.Hidden, InterventionAction.Clamp, -0.5f, From: 90);
        var edited = ActivationRecorder.Record(weights, text, options with { Interventions = [clampC, clampH] });
        Assert.Equal(streams, edited.Mode.Streams);

        int units = 4;
        foreach (var (key, values) in plain.AllValues())
            Assert.Equal(values.AsSpan(0, 90 * units).ToArray(), edited.Get(key.Layer, key.Kind).AsSpan(0, 90 * units).ToArray());
        for (int t = 90; t < 200; t++)
        {
            Assert.Equal(1.25f, edited.Row(0, ActivationKind.Cell, t)[1]);
            Assert.Equal(MathF.Tanh(1.25f), edited.Row(0, ActivationKind.TanhCell, t)[1], 1e-6f);
            Assert.Equal(-0.5f, edited.Row(1, ActivationKind.Hidden, t)[2]);
        }
        Assert.NotEqual(plain.Guesses.NextSymbolProbability[150], edited.Guesses.NextSymbolProbability[150]);
    }

    [Fact]
    public void Clamping_c_to_its_own_value_records_the_same_text()
    {
        var weights = TestModels.Random(CellType.Lstm, 1, hidden: 4, vocabulary: 5, seed: 4);
        string text = TestModels.Text(12, 5, seed: 5);
        var plain = ActivationRecorder.Record(weights, text, RecordingOptions.Exact);
        float own = plain.Row(0, ActivationKind.Cell, 11)[3];
        var edited = ActivationRecorder.Record(weights, text, RecordingOptions.Exact with
        {
            Interventions = [new Intervention(0, 3, InterventionTarget.Cell, InterventionAction.Clamp, own, From: 11)],
        });
        foreach (var (key, values) in plain.AllValues()) Assert.Equal(values, edited.Get(key.Layer, key.Kind));
        Assert.Equal(plain.Guesses.Probabilities, edited.Guesses.Probabilities);
    }

    [Fact]
    public void An_intervention_outside_the_model_is_refused_by_name()
    {
        var weights = TestModels.Random(CellType.Gru, 2, hidden: 4, vocabulary: 5);
        var options = RecordingOptions.Exact with
        {
            Interventions = [new Intervention(0, 1, InterventionTarget.Cell, InterventionAction.Clamp, 1f)],
        };
        var error = Assert.Throws<ConfigException>(() => ActivationRecorder.Record(weights, "abc", options));
        Assert.Contains("clamp 1:c:1=1", error.Message);
        Assert.Contains("GRU has no cell state", error.Message);
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f * Math.Max(1, MathF.Abs(expected[i])));
    }
}
