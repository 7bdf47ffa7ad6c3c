using System.Text;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// Runs a weights snapshot over a text and records every layer's intermediate values and the
/// next-symbol guesses (<see cref="ActivationRecording"/>). Runs on the calling thread: callers
/// in a server put it on the <see cref="Compute.ComputeLane"/>.
/// <para>
/// Speed: a recurrence is sequential in time, so reading 100k characters one by one costs
/// 100k small steps. Instead the text is split into S streams stepped together (one (S, H)
/// matmul per step), and each layer's input projection is one big matmul per chunk (a row
/// gather for one-hot input). The rest of a step is one managed pass per stream that writes
/// every kept value straight into the result arrays (<see cref="FusedLayer"/>).
/// </para>
/// <para>
/// The approximation (S &gt; 1): stream s starts W characters before its piece from a zero
/// state and its first W values are discarded. An LSTM's memory of its start fades over a few
/// hundred characters, so kept values are close to, but not bit-equal with, one sequential
/// pass. Stream 0 starts at character 0 and is exact. <see cref="RecordingOptions.Exact"/>
/// (S = 1) is exact everywhere. Measured on a 2×128 LSTM trained 1,500 iterations on
/// tinyshakespeare, 40k characters, 64 streams, W = 300: h differs by at most 0.11 (mean
/// 5e-7), every top-1 guess agrees; c differs by more than 0.01 in 0.3% of values, by up to
/// 84 in a few integrating cells (forget gate ≈ 1) whose c keeps growing over the whole text:
/// such a c depends on all of its history and needs the exact mode.
/// </para>
/// </summary>
public static class ActivationRecorder
{
    /// <summary>Records <paramref name="text"/> (every symbol must be in the model's vocabulary).</summary>
    public static ActivationRecording Record(ModelWeights weights, string text, RecordingOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        options ??= new RecordingOptions();
        options.Validate();
        WeightsCheck.Validate(weights);
        if (text.Length == 0) throw new CharRnnException("The text to record is empty. Give at least one character.");
        int[] symbols = weights.Vocabulary.Encode(text, "text to record");
        long maxCharacters = Array.MaxLength / weights.Config.Hidden;
        if (symbols.Length > maxCharacters)
            throw new CharRnnException($"The text has {symbols.Length:N0} characters; a model with {weights.Config.Hidden} " +
                $"units can record at most {maxCharacters:N0} at once. Record a shorter excerpt.");
        var interventions = Interventions(weights, options);
        var storage = StoragePlan.Create(weights.Config.Cell, KeptArrays(weights.Config, options), interventions);
        var plan = StreamPlan.Create(symbols.Length, options.Streams, options.WarmUp);
        int k = Math.Min(options.TopGuesses, weights.Vocabulary.Count);

        var stores = storage.Allocate(options.Precision, symbols.Length * weights.Config.Hidden);
        var guesses = new NextSymbolGuesses(weights.Vocabulary, k, new int[symbols.Length * k],
            new float[symbols.Length * k], new float[symbols.Length]);
        using (NewDisposeScope())
        using (no_grad())
        {
            int chunk = ChunkSteps(weights.Config, plan, options);
            var run = new RecordingRun(weights, plan, symbols, k, stores, guesses, interventions, options.Kernel, chunk);
            for (int t0 = 0; t0 < plan.WindowLength; t0 += chunk)
            {
                cancel.ThrowIfCancellationRequested();
                run.Chunk(t0, Math.Min(chunk, plan.WindowLength - t0));
                progress?.Report(Math.Min(1.0, (double)(t0 + chunk) / plan.WindowLength));
            }
        }
        guesses.NextSymbolProbability[^1] = float.NaN;
        var mode = new RecordingMode(plan.Streams, plan.WarmUp, plan.SegmentLength) { Precision = options.Precision };
        return new ActivationRecording(weights.Config, weights.Vocabulary, text, SplitSymbols(text),
            storage.Readable(stores), guesses, mode) { Interventions = options.Interventions ?? [] };
    }

    /// <summary>
    /// Bytes the recording's arrays will take: characters × units × (2 in float16, 4 in float32) per
    /// stored (layer, kind) (<see cref="StoragePlan"/>: an LSTM's tanh c and h are derived on read),
    /// plus the guesses. Every LSTM kind of a 2×512 model over 100k characters is 1.02 GB in
    /// float16, so front ends check this and narrow the layers or kinds for long texts.
    /// </summary>
    public static long EstimateBytes(ModelConfig config, int characters, RecordingOptions? options = null)
    {
        options ??= new RecordingOptions();
        var storage = StoragePlan.Create(config.Cell, KeptArrays(config, options), edits: null);
        return storage.StoredBytes(options.Precision, characters, config.Hidden) + (long)characters * (options.TopGuesses * 8 + 4);
    }

    /// <summary>
    /// The chunk length: <see cref="RecordingOptions.ChunkSteps"/>, shortened so that a chunk's
    /// projection (S, C, G·H) stays within <see cref="MaxChunkBytes"/>. That bounds the memory of
    /// many streams and keeps every tensor a step's managed pass reads addressable by a span.
    /// </summary>
    private static int ChunkSteps(ModelConfig config, StreamPlan plan, RecordingOptions options)
    {
        long bytesPerStep = (long)plan.Streams * config.GateCount * config.Hidden * sizeof(float);
        return (int)Math.Clamp(MaxChunkBytes / bytesPerStep, 1, options.ChunkSteps);
    }

    /// <summary>
    /// At most this many bytes of projection per chunk (see <see cref="ChunkSteps"/>): 8 steps of
    /// 128 streams at 2×512, still a product of 1,024 rows, and 8 MiB next to the ~1 GB of a
    /// float16 recording of 100k characters (64 steps a layer cost 160 MiB more at the peak).
    /// </summary>
    private const long MaxChunkBytes = 8L << 20;

    private static HashSet<(int Layer, ActivationKind Kind)> KeptArrays(ModelConfig config, RecordingOptions options)
    {
        var available = ActivationKinds.For(config.Cell);
        var kinds = options.Kinds ?? available;
        foreach (var kind in kinds.Where(k => !available.Contains(k)))
            throw new ConfigException($"A {config.Cell.ToString().ToUpperInvariant()} layer has no " +
                $"{ActivationKinds.ShortName(kind)} values; it records {string.Join(", ", available.Select(ActivationKinds.ShortName))}.");
        var layers = options.Layers ?? Enumerable.Range(0, config.Layers).ToArray();
        foreach (int layer in layers.Where(l => l < 0 || l >= config.Layers))
            throw new ConfigException($"The model has layers 1 to {config.Layers}; there is no layer {layer + 1}.");
        return ActivationKinds.LayerKindPairs(layers, kinds).ToHashSet();
    }

    private static InterventionSet? Interventions(ModelWeights weights, RecordingOptions options) =>
        options.Interventions is { Count: > 0 } list ? new InterventionSet(weights.Config, list) : null;

    // One string per distinct symbol, shared by its positions: 100k characters need a few dozen strings, not 100k.
    private static string[] SplitSymbols(string text)
    {
        var symbols = new List<string>(text.Length);
        var distinct = new Dictionary<Rune, string>();
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (!distinct.TryGetValue(rune, out var symbol)) distinct[rune] = symbol = rune.ToString();
            symbols.Add(symbol);
        }
        return symbols.ToArray();
    }
}
