using CharRnnLab.Core.Interventions;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// How to record. The defaults suit a 100k-character text: 128 parallel streams, each warmed
/// up on the 300 characters before its piece. <see cref="Exact"/> reads the text in one pass.
/// </summary>
public sealed record RecordingOptions
{
    /// <summary>Parallel streams the text is split into; 1 = exact sequential recording.</summary>
    public int Streams { get; init; } = 128;

    /// <summary>Characters each stream (but the first) reads before its piece; their values are discarded.</summary>
    public int WarmUp { get; init; } = 300;

    /// <summary>0-based layers to keep; null = all. Every layer is still computed (upper ones need it).</summary>
    public IReadOnlyList<int>? Layers { get; init; }

    /// <summary>Kinds to keep; null = every kind of the model's cell type.</summary>
    public IReadOnlyList<ActivationKind>? Kinds { get; init; }

    /// <summary>Next-symbol guesses kept per character (capped at the vocabulary size).</summary>
    public int TopGuesses { get; init; } = 5;

    /// <summary>Edits of unit states applied while reading (docs/interventions.md); null or empty = the plain model.</summary>
    public IReadOnlyList<Intervention>? Interventions { get; init; }

    /// <summary>
    /// How values are stored: float16 by default (half the memory; reads return float32 within
    /// float16 rounding), float32 when they must equal the model's own to 1e-5.
    /// </summary>
    public RecordingPrecision Precision { get; init; } = RecordingPrecision.Half;

    /// <summary>Time steps per chunk of tensor work (bounds memory; each chunk has its own dispose scope).</summary>
    public int ChunkSteps { get; init; } = 64;

    /// <summary>How layers are stepped; the tensor-operation path is kept only to compare against (tests, <c>charrnn bench</c>).</summary>
    internal RecordingKernel Kernel { get; init; } = RecordingKernel.Fused;

    /// <summary>One sequential pass from a zero state, stored in float32: bit-for-bit the model's own forward pass, slower.</summary>
    public static RecordingOptions Exact => new() { Streams = 1, WarmUp = 0, Precision = RecordingPrecision.Single };

    /// <summary>Throws <see cref="ConfigException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (Streams < 1 || Streams > 4096) throw new ConfigException($"streams must be between 1 and 4096 (got {Streams}).");
        if (WarmUp < 0 || WarmUp > 100_000) throw new ConfigException($"warm-up must be between 0 and 100000 characters (got {WarmUp}).");
        if (TopGuesses < 1 || TopGuesses > 100) throw new ConfigException($"top guesses must be between 1 and 100 (got {TopGuesses}).");
        if (ChunkSteps < 1 || ChunkSteps > 4096) throw new ConfigException($"chunk steps must be between 1 and 4096 (got {ChunkSteps}).");
        if (Layers is { Count: 0 }) throw new ConfigException("choose at least one layer to record (or none to record all).");
        if (!Enum.IsDefined(Precision)) throw new ConfigException($"precision must be half or single (got {Precision}).");
        if (Kinds is { Count: 0 }) throw new ConfigException("choose at least one activation kind to record (or none to record all).");
    }
}
