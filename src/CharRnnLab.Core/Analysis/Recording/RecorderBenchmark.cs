using System.Diagnostics;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>Recording throughput of one configuration, for <c>charrnn bench</c>.</summary>
public sealed record RecorderBenchmarkResult(
    CellType Cell, int Layers, int Hidden, int Characters, int Streams, int WarmUp, double Seconds)
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
    private const int VocabularySize = 65;

    public static RecorderBenchmarkResult Run(int hidden, int layers, int characters,
        CellType cell = CellType.Lstm, RecordingOptions? options = null)
    {
        options ??= new RecordingOptions();
        var weights = RandomWeights(new ModelConfig(cell, layers, hidden), seed: 1);
        var rng = new Random(2);
        var symbols = weights.Vocabulary.ToStrings();
        string text = string.Concat(Enumerable.Range(0, characters).Select(_ => symbols[rng.Next(symbols.Length)]));

        ActivationRecorder.Record(weights, text[..Math.Min(characters, 2000)], options); // warm libtorch up
        var clock = Stopwatch.StartNew();
        var recording = ActivationRecorder.Record(weights, text, options);
        clock.Stop();
        return new RecorderBenchmarkResult(cell, layers, hidden, characters, recording.Mode.Streams,
            recording.Mode.WarmUp, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Weights drawn uniformly from ±1/√H, PyTorch's default initialisation.</summary>
    private static ModelWeights RandomWeights(ModelConfig config, int seed)
    {
        var rng = new Random(seed);
        float bound = 1f / MathF.Sqrt(config.Hidden);
        float[] Draw(long n)
        {
            var a = new float[n];
            for (long i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 2 - 1) * bound;
            return a;
        }
        var vocabulary = Vocabulary.FromText(string.Concat(Enumerable.Range(0, VocabularySize).Select(i => (char)(' ' + i))));
        int g = config.GateCount, h = config.Hidden;
        var layers = Enumerable.Range(0, config.Layers).Select(l =>
        {
            int input = l == 0 ? VocabularySize : h;
            return new LayerWeights(input, h, Draw((long)g * h * input), Draw((long)g * h * h), Draw(g * h), Draw(g * h));
        }).ToArray();
        return new ModelWeights(config, vocabulary, null, layers, Draw((long)VocabularySize * h), Draw(VocabularySize), 0);
    }
}
