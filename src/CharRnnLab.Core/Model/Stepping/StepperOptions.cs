namespace CharRnnLab.Core.Model.Stepping;

/// <summary>How the batch-1 stepper stores its weights.</summary>
public enum WeightPrecision
{
    /// <summary>float32, as trained: 12 MB per character step at 2×512.</summary>
    Float32,

    /// <summary>IEEE half precision (11 significant bits), widened to float32 in registers: half the bytes to stream.</summary>
    Float16,
}

/// <summary>
/// How <see cref="PackedRnn"/> steps: weight precision and how many threads share each layer's
/// units. More than one thread only pays when nothing else runs (no training step): its helper
/// spins between the layer barriers.
/// </summary>
/// <param name="Precision">Stored weight precision; arithmetic is float32 either way.</param>
/// <param name="Threads">Threads splitting each layer's units (1 = the calling thread alone).</param>
public sealed record StepperOptions(WeightPrecision Precision = WeightPrecision.Float16, int Threads = 1)
{
    public const int MaxThreads = 64;

    /// <summary>Half-precision weights on every core: for when the stepper has the machine to itself.</summary>
    public static StepperOptions AllCores => new(WeightPrecision.Float16, Math.Min(MaxThreads, Environment.ProcessorCount));

    public void Validate()
    {
        if (Threads < 1 || Threads > MaxThreads)
            throw new ConfigException($"stepper threads must be between 1 and {MaxThreads} (got {Threads}).");
        if (!Enum.IsDefined(Precision)) throw new ConfigException($"unknown weight precision {Precision}; use Float32 or Float16.");
    }
}
