using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

/// <summary>
/// Parallel streams with warm-up approximate one sequential pass. Tolerance: with 100 warm-up
/// characters a random small model (whose memory fades within tens of characters) must agree
/// to 1e-4 everywhere; a trained model with long-memory cells agrees less well, which is why
/// the exact mode exists.
/// </summary>
public class RecorderStreamsTests
{
    [Theory]
    [InlineData(CellType.Lstm)]
    [InlineData(CellType.Gru)]
    [InlineData(CellType.Rnn)]
    public void Streams_with_warm_up_agree_with_the_exact_pass_on_a_long_text(CellType cell)
    {
        var weights = TestModels.Random(cell, 2, hidden: 8, vocabulary: 6, seed: 11);
        string text = TestModels.Text(3200, 6, seed: 5);
        var exact = ActivationRecorder.Record(weights, text, RecordingOptions.Exact);
        var streamed = ActivationRecorder.Record(weights, text, new RecordingOptions { Streams = 16, WarmUp = 100, Precision = RecordingPrecision.Single });

        Assert.Equal(16, streamed.Mode.Streams);
        foreach (var (key, values) in exact.AllValues())
            Assert.True(MaxDifference(values, streamed.AllValues()[key]) < 1e-4, $"{key}: {MaxDifference(values, streamed.AllValues()[key])}");
        Assert.True(MaxDifference(exact.Guesses.Probabilities, streamed.Guesses.Probabilities) < 1e-4);
        Assert.Equal(exact.Guesses.SymbolIndices, streamed.Guesses.SymbolIndices);
    }

    [Fact]
    public void Without_warm_up_stream_starts_differ_and_warm_up_removes_the_difference()
    {
        var weights = TestModels.Random(CellType.Lstm, 1, hidden: 8, vocabulary: 6, seed: 11);
        string text = TestModels.Text(1000, 6, seed: 5);
        var exact = ActivationRecorder.Record(weights, text, RecordingOptions.Exact).Get(0, ActivationKind.Cell);
        var cold = ActivationRecorder.Record(weights, text, new RecordingOptions { Streams = 10, WarmUp = 0, Precision = RecordingPrecision.Single }).Get(0, ActivationKind.Cell);
        var warm = ActivationRecorder.Record(weights, text, new RecordingOptions { Streams = 10, WarmUp = 60, Precision = RecordingPrecision.Single }).Get(0, ActivationKind.Cell);

        Assert.True(MaxDifference(exact, cold) > 1e-2);
        Assert.True(MaxDifference(exact, warm) < 1e-4);
    }

    [Theory]
    [InlineData(10, 128, 300, 1)]
    [InlineData(1000, 128, 300, 1)]
    [InlineData(6000, 128, 300, 10)]
    [InlineData(100_000, 128, 300, 128)]
    [InlineData(30_000, 128, 300, 50)]
    [InlineData(9, 4, 0, 3)]
    public void Stream_plan_never_lets_warm_up_outweigh_the_pieces(int characters, int streams, int warmUp, int expected)
    {
        var plan = StreamPlan.Create(characters, streams, warmUp);

        Assert.Equal(expected, plan.Streams);
        Assert.Equal(0, plan.Start[0]);
        Assert.Equal(characters, plan.Length.Sum());
        for (int s = 0; s < plan.Streams; s++)
        {
            Assert.True(plan.Length[s] > 0);
            Assert.Equal(s * plan.SegmentLength, plan.Start[s] + plan.Offset[s]);
            Assert.True(plan.Offset[s] + plan.Length[s] <= plan.WindowLength);
        }
    }

    [Theory]
    [InlineData(RecordingPrecision.Half, 2)]
    [InlineData(RecordingPrecision.Single, 4)]
    public void Memory_estimate_counts_every_stored_array_and_the_guesses(RecordingPrecision precision, int bytesPerValue)
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5);
        var options = new RecordingOptions
        {
            Layers = [1], Kinds = [ActivationKind.Cell, ActivationKind.Hidden], TopGuesses = 3, Precision = precision,
        };
        var recording = ActivationRecorder.Record(weights, TestModels.Text(50, 5), options);

        Assert.Equal(2 * 50 * 4 * bytesPerValue, recording.StoredBytes); // c and h: h needs o to be derived
        long guesses = (recording.Guesses.SymbolIndices.Length + recording.Guesses.Probabilities.Length + 50) * 4L;
        Assert.Equal(recording.StoredBytes + guesses, ActivationRecorder.EstimateBytes(weights.Config, 50, options));
    }

    [Fact]
    public void Every_kind_of_a_2x512_LSTM_over_100k_characters_stores_five_arrays_a_layer_in_float16()
    {
        var config = new ModelConfig(CellType.Lstm, 2, 512);
        long values = 100_000L * 512;
        Assert.Equal(10 * values * 2 + 4_400_000, ActivationRecorder.EstimateBytes(config, 100_000));
        Assert.Equal(10 * values * 4 + 4_400_000,
            ActivationRecorder.EstimateBytes(config, 100_000, new RecordingOptions { Precision = RecordingPrecision.Single }));
    }

    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
