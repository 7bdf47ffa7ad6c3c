using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

/// <summary>The recorder must compute exactly what the model computes (to float rounding).</summary>
public class RecorderEquivalenceTests
{
    private const float Tolerance = 1e-5f;

    public static TheoryData<CellType, int, int> Models() => new()
    {
        { CellType.Lstm, 1, 0 }, { CellType.Lstm, 2, 0 }, { CellType.Lstm, 2, 3 },
        { CellType.Gru, 1, 0 }, { CellType.Gru, 2, 3 },
        { CellType.Rnn, 1, 3 }, { CellType.Rnn, 2, 0 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Exact_recording_matches_torch_module_forward(CellType cell, int layers, int embedding)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: layers + embedding);
        string text = TestModels.Text(40, 5);
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact with { ChunkSteps = 7 });
        var reference = TorchReference.Forward(weights, weights.Vocabulary.Encode(text));

        AssertClose(reference.TopHidden, recording.Get(layers - 1, ActivationKind.Hidden));
        for (int l = 0; l < layers; l++)
        {
            AssertClose(reference.FinalHidden.AsSpan(l * 4, 4), recording.Row(l, ActivationKind.Hidden, 39));
            if (reference.FinalCell is not null)
                AssertClose(reference.FinalCell.AsSpan(l * 4, 4), recording.Row(l, ActivationKind.Cell, 39));
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Exact_recording_matches_naive_loop_for_every_kind_and_guess(CellType cell, int layers, int embedding)
    {
        var weights = TestModels.Random(cell, layers, hidden: 4, vocabulary: 5, embedding, seed: 7 * layers + embedding);
        string text = TestModels.Text(30, 5, seed: 3);
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact);
        var naive = NaiveRecurrence.Run(weights, weights.Vocabulary.Encode(text));

        Assert.Equal(naive.Values.Keys.Order(), recording.AllValues().Keys.Order());
        foreach (var (key, expected) in naive.Values) AssertClose(expected, recording.AllValues()[key]);
        for (int t = 0; t < 30; t++)
        {
            var guesses = recording.Guesses.At(t);
            var expectedTop = naive.Probabilities[t].Select((p, i) => (p, i)).OrderByDescending(x => x.p).Take(5).ToArray();
            Assert.Equal(expectedTop.Select(x => weights.Vocabulary[x.i].ToString()), guesses.Select(g => g.Symbol));
            AssertClose(expectedTop.Select(x => (float)x.p).ToArray(), guesses.Select(g => g.Probability).ToArray());
            if (t < 29)
            {
                int next = weights.Vocabulary.Encode(text[(t + 1)..(t + 2)])[0];
                Assert.InRange(recording.Guesses.NextSymbolProbability[t] - naive.Probabilities[t][next], -Tolerance, Tolerance);
            }
        }
        Assert.True(float.IsNaN(recording.Guesses.NextSymbolProbability[29]));
    }

    [Fact]
    public void Streams_with_chunk_boundaries_anywhere_still_start_exactly_at_character_zero()
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5);
        string text = TestModels.Text(200, 5);
        var exact = ActivationRecorder.Record(weights, text, RecordingOptions.Exact);
        var streamed = ActivationRecorder.Record(weights, text, new RecordingOptions { Streams = 4, WarmUp = 20, ChunkSteps = 9, Precision = RecordingPrecision.Single });

        Assert.Equal(4, streamed.Mode.Streams);
        int firstPiece = streamed.Mode.SegmentLength * 4;
        AssertClose(exact.Get(1, ActivationKind.Cell).AsSpan(0, firstPiece), streamed.Get(1, ActivationKind.Cell).AsSpan(0, firstPiece));
    }

    internal static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance = Tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"element {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance})");
    }
}
