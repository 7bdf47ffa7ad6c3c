using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// The most bytes each entry of a checkpoint may inflate to. meta.json is read first, under a fixed
/// cap; the shapes it promises then cap the rest, so a refused file never costs more memory than a
/// genuine checkpoint of those shapes (a zip bomb stops at the first byte past its entry's cap).
/// </summary>
internal static class EntryLimits
{
    /// <summary>meta.json: config, vocabulary and the run's samples (JSON-escaped text).</summary>
    public const long MetaBytes = 8L << 20;

    /// <summary>The optimizer's buffers per weight: Adam's two moments and AMSGrad's maximum, or
    /// RMSProp's square average, momentum and centred mean.</summary>
    private const int OptimizerBuffersPerWeight = 3;
    /// <summary>TorchSharp's per-tensor bookkeeping (type, shape, step counts, options), generously.</summary>
    private const int OptimizerBytesPerTensor = 1024;
    /// <summary>torch's RNG state (5,056 bytes for the CPU generator), the corpus fingerprint and fixed fields, generously.</summary>
    private const int StateFixedBytes = 64 << 10;

    /// <summary>history.bin: a count, then one point per iteration.</summary>
    public static long History(CheckpointMetadata meta) => HistoryFormat.ByteCount(meta.Iteration);

    /// <summary>model.bin: exactly the promised shapes' bytes.</summary>
    public static long Model(CheckpointMetadata meta) => WeightsFormat.ByteCount(meta.Model, meta.Vocabulary.Length);

    public static long Optimizer(CheckpointMetadata meta)
    {
        var layout = ParameterLayout.For(meta.Model, meta.Vocabulary.Length);
        return OptimizerBuffersPerWeight * sizeof(float) * layout.Sum(p => p.Count)
               + OptimizerBytesPerTensor * (long)(OptimizerBuffersPerWeight * layout.Count + 1);
    }

    /// <summary>state.bin: the carried hidden state (h and, for an LSTM, c: layers × batch × hidden each) and the fixed fields.</summary>
    public static long State(CheckpointMetadata meta) =>
        StateFixedBytes + 2 * (sizeof(int) + sizeof(float) * (long)meta.Model.Layers * meta.Training.Batch * meta.Model.Hidden);

    /// <summary>What the cap of an entry stands for, in an error message.</summary>
    public static string Describe(CheckpointMetadata meta) =>
        $"a {meta.Model.Cell.ToString().ToUpperInvariant()} {meta.Model.Layers}×{meta.Model.Hidden} " +
        $"(embedding {meta.Model.Embedding}) over {meta.Vocabulary.Length} symbols";
}
