using System.Diagnostics;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>Recording throughput and memory of one configuration, for <c>charrnn bench</c>;
/// <c>PeakBytesAboveBaseline</c> is the highest working set during a timed recording, above the one before it;
/// <c>StoredBytes</c> what the recording itself holds (its stored arrays and the guesses), the floor of that peak.
/// <c>TensorOpsSeconds</c>: the earlier per-step tensor-operation path on the same text, timed in
/// alternation with the default path (best of each), or null when not compared.</summary>
public sealed record RecorderBenchmarkResult(
    CellType Cell, int Layers, int Hidden, int Characters, int Streams, int WarmUp, double Seconds, long PeakBytesAboveBaseline,
    long StoredBytes, double? TensorOpsSeconds = null)
{
    public double CharactersPerSecond => Characters / Seconds;

    /// <summary>How many times faster the default path ran than the tensor-operation path, in the same process.</summary>
    public double? SpeedUp => TensorOpsSeconds / Seconds;
}

/// <summary>
/// Times <see cref="ActivationRecorder.Record"/> (all kinds; default streams unless options say otherwise) on random weights
/// over a random text of a 65-symbol alphabet (the size of tinyshakespeare's), best of
/// <c>rounds</c>. Runs on the calling thread like the recorder itself.
/// </summary>
public static class RecorderBenchmark
{
    public static RecorderBenchmarkResult Run(ModelConfig config, int characters, int rounds = 1, bool compareTensorOps = false,
        RecordingOptions? options = null)
    {
        var weights = RandomWeights.Create(config);
        string text = RandomWeights.Text(weights, characters);
        var fused = (options ?? new RecordingOptions()) with { Kernel = RecordingKernel.Fused };
        var tensorOps = fused with { Kernel = RecordingKernel.TensorOps };
        string warmUpText = text[..Math.Min(characters, WarmUpCharacters)];
        ActivationRecorder.Record(weights, warmUpText, SameShapes(fused)); // warm libtorch and the JIT up
        if (compareTensorOps) ActivationRecorder.Record(weights, warmUpText, SameShapes(tensorOps));

        double best = double.MaxValue, bestTensorOps = double.MaxValue;
        long peak = 0;
        RecordingMode? mode = null;
        long stored = 0;
        for (int round = 0; round < rounds; round++)
        {
            var (seconds, bytes, recorded, held) = Time(weights, text, fused);
            (best, peak, mode, stored) = (Math.Min(best, seconds), Math.Max(peak, bytes), recorded, held);
            if (compareTensorOps) bestTensorOps = Math.Min(bestTensorOps, Time(weights, text, tensorOps).Seconds);
        }
        return new RecorderBenchmarkResult(config.Cell, config.Layers, config.Hidden, characters, mode!.Streams, mode.WarmUp,
            best, peak, stored, compareTensorOps ? bestTensorOps : null);
    }

    private const int WarmUpCharacters = 2000;

    /// <summary>
    /// The options with a warm-up short enough that the untimed run steps as many streams as the timed
    /// one: its products have the timed shapes, so the BLAS's per-shape buffers and code paths
    /// (tens of MiB) are set up before the memory baseline is taken, as in a lab that has recorded once.
    /// </summary>
    private static RecordingOptions SameShapes(RecordingOptions options) =>
        options with { WarmUp = Math.Min(options.WarmUp, WarmUpCharacters / (2 * options.Streams)) };

    private static (double Seconds, long PeakBytes, RecordingMode Mode, long StoredBytes) Time(ModelWeights weights, string text, RecordingOptions options)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var memory = new MemoryWatch();
        var clock = Stopwatch.StartNew();
        var recording = ActivationRecorder.Record(weights, text, options);
        clock.Stop();
        memory.Dispose();
        long guesses = (long)recording.Characters * (recording.Guesses.K * (sizeof(int) + sizeof(float)) + sizeof(float));
        return (clock.Elapsed.TotalSeconds, memory.PeakAboveBaselineBytes, recording.Mode, recording.StoredBytes + guesses);
    }
}
