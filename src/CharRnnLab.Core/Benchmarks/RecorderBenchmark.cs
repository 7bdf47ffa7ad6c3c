using System.Diagnostics;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>Recording throughput and memory of one configuration, for <c>charrnn bench</c>;
/// <c>PeakBytesAboveBaseline</c> is the highest working set during the timed recording, above the one before it.</summary>
public sealed record RecorderBenchmarkResult(
    CellType Cell, int Layers, int Hidden, int Characters, int Streams, int WarmUp, double Seconds, long PeakBytesAboveBaseline)
{
    public double CharactersPerSecond => Characters / Seconds;
}

/// <summary>
/// Times <see cref="ActivationRecorder.Record"/> (all kinds, default streams) on random weights
/// over a random text of a 65-symbol alphabet (the size of tinyshakespeare's). Runs on the
/// calling thread like the recorder itself.
/// </summary>
public static class RecorderBenchmark
{
    public static RecorderBenchmarkResult Run(ModelConfig config, int characters, RecordingOptions? options = null)
    {
        options ??= new RecordingOptions();
        var weights = RandomWeights.Create(config);
        string text = RandomWeights.Text(weights, characters);

        ActivationRecorder.Record(weights, text[..Math.Min(characters, 2000)], options); // warm libtorch up
        GC.Collect();
        using var memory = new MemoryWatch();
        var clock = Stopwatch.StartNew();
        var recording = ActivationRecorder.Record(weights, text, options);
        clock.Stop();
        memory.Dispose();
        GC.KeepAlive(recording);
        return new RecorderBenchmarkResult(config.Cell, config.Layers, config.Hidden, characters, recording.Mode.Streams,
            recording.Mode.WarmUp, clock.Elapsed.TotalSeconds, memory.PeakAboveBaselineBytes);
    }
}
