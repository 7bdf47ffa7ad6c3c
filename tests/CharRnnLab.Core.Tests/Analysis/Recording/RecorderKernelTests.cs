using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Tests.Interventions;
using static CharRnnLab.Core.Tests.Analysis.Recording.RecorderEquivalenceTests;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

/// <summary>
/// The fused recording path (libtorch products, managed gate math written straight to the
/// recording) against the naive loop and against the per-step tensor-operation path it replaces.
/// Widths 12 and 19 run the 8-wide vector loop and the lane-by-lane tail; width 4 only the tail.
/// </summary>
public class RecorderKernelTests
{
    public static TheoryData<CellType, int, int> Widths() => new()
    {
        { CellType.Lstm, 12, 0 }, { CellType.Lstm, 19, 3 }, { CellType.Lstm, 16, 0 },
        { CellType.Gru, 12, 0 }, { CellType.Gru, 19, 3 },
        { CellType.Rnn, 12, 3 }, { CellType.Rnn, 19, 0 },
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Fused_recording_matches_the_naive_loop_for_every_kind_at_vector_widths(CellType cell, int hidden, int embedding)
    {
        var weights = TestModels.Random(cell, 2, hidden, vocabulary: 5, embedding, seed: hidden + embedding);
        string text = TestModels.Text(25, 5, seed: 6);
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact with { ChunkSteps = 6 });
        var naive = NaiveRecurrence.Run(weights, weights.Vocabulary.Encode(text));

        Assert.Equal(naive.Values.Keys.Order(), recording.AllValues().Keys.Order());
        foreach (var (key, expected) in naive.Values) AssertClose(expected, recording.AllValues()[key]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Fused_and_tensor_operation_paths_agree_over_streams_and_chunk_boundaries(CellType cell, int hidden, int embedding)
    {
        var weights = TestModels.Random(cell, 2, hidden, vocabulary: 5, embedding, seed: 3 * hidden + embedding);
        string text = TestModels.Text(300, 5, seed: 4);
        var options = new RecordingOptions { Streams = 5, WarmUp = 20, ChunkSteps = 11, Precision = RecordingPrecision.Single };
        var fused = ActivationRecorder.Record(weights, text, options);
        var tensorOps = ActivationRecorder.Record(weights, text, options with { Kernel = RecordingKernel.TensorOps });

        Assert.Equal(5, fused.Mode.Streams);
        AssertSameRecording(tensorOps, fused);
    }

    [Theory]
    [InlineData(CellType.Lstm, 1)]
    [InlineData(CellType.Lstm, 4)]
    [InlineData(CellType.Gru, 4)]
    [InlineData(CellType.Rnn, 4)]
    public void Edited_recordings_agree_between_the_two_paths(CellType cell, int streams)
    {
        var weights = TestModels.Random(cell, 2, hidden: 12, vocabulary: 5, seed: 11);
        string text = TestModels.Text(240, 5, seed: 9);
        var options = new RecordingOptions
        {
            Streams = streams, WarmUp = 15, ChunkSteps = 8, Interventions = SteppedInterventionTests.MixedEdits(cell, 2),
            Precision = RecordingPrecision.Single,
        };
        var fused = ActivationRecorder.Record(weights, text, options);
        var tensorOps = ActivationRecorder.Record(weights, text, options with { Kernel = RecordingKernel.TensorOps });

        Assert.Equal(streams, fused.Mode.Streams);
        AssertSameRecording(tensorOps, fused);
        Assert.NotEqual(ActivationRecorder.Record(weights, text, options with { Interventions = [] }).Get(1, ActivationKind.Hidden),
            fused.Get(1, ActivationKind.Hidden));
    }

    [Fact]
    public void Kept_layers_and_kinds_are_the_same_values_as_in_a_full_recording()
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 12, vocabulary: 5, seed: 5);
        string text = TestModels.Text(120, 5, seed: 2);
        var options = new RecordingOptions { Streams = 3, WarmUp = 10, ChunkSteps = 7, Precision = RecordingPrecision.Single };
        var full = ActivationRecorder.Record(weights, text, options);
        var narrow = ActivationRecorder.Record(weights, text, options with
        {
            Layers = [1], Kinds = [ActivationKind.OutputGate, ActivationKind.TanhCell],
        });

        Assert.Equal(new[] { (1, ActivationKind.TanhCell), (1, ActivationKind.OutputGate) }, narrow.AllValues().Keys.OrderBy(k => k.Kind).ToArray());
        foreach (var key in narrow.AllValues().Keys) Assert.Equal(full.AllValues()[key], narrow.AllValues()[key]);
        Assert.Equal(full.Guesses.Probabilities, narrow.Guesses.Probabilities);
    }

    private static void AssertSameRecording(ActivationRecording expected, ActivationRecording actual)
    {
        Assert.Equal(expected.AllValues().Keys.Order(), actual.AllValues().Keys.Order());
        foreach (var (key, values) in expected.AllValues()) AssertClose(values, actual.AllValues()[key]);
        AssertClose(expected.Guesses.Probabilities, actual.Guesses.Probabilities);
        AssertClose(expected.Guesses.NextSymbolProbability.AsSpan(0, expected.Characters - 1),
            actual.Guesses.NextSymbolProbability.AsSpan(0, actual.Characters - 1));
    }
}
