namespace CharRnnLab.Core.Training;

public enum OptimizerKind { Adam, RmsProp }

/// <summary>
/// Everything about a training run except the model's shape. Saved inside every checkpoint.
/// Defaults follow karpathy/char-rnn (batch 50, seq 50, lr 2e-3, decay 0.97 per epoch after 10).
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>B: parallel streams per minibatch.</summary>
    public int Batch { get; init; } = 50;
    /// <summary>T: time steps per minibatch (truncated BPTT length).</summary>
    public int Seq { get; init; } = 50;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 2e-3;
    /// <summary>Multiplier applied to the learning rate every <see cref="DecayEvery"/> iterations after <see cref="DecayAfter"/>.</summary>
    public double LearningRateDecay { get; init; } = 0.97;
    /// <summary>Iterations between decays; 0 = once per epoch.</summary>
    public int DecayEvery { get; init; } = 0;
    /// <summary>Iteration after which decay starts; -1 = after 10 epochs (char-rnn).</summary>
    public int DecayAfter { get; init; } = -1;
    /// <summary>Clip the gradient's global L2 norm to this; 0 disables.</summary>
    public double GradClip { get; init; } = 5.0;
    /// <summary>Total iterations; if 0, <see cref="Epochs"/> decides.</summary>
    public int Iterations { get; init; } = 0;
    public double Epochs { get; init; } = 1.0;
    /// <summary>Fraction of the text kept as validation (the tail).</summary>
    public double ValidationFraction { get; init; } = 0.05;
    public int EvalEvery { get; init; } = 100;
    /// <summary>Max validation minibatches per evaluation (0 = the whole validation split).</summary>
    public int EvalBatches { get; init; } = 50;
    public int CheckpointEvery { get; init; } = 500;
    public int SampleEvery { get; init; } = 100;
    public int SampleLength { get; init; } = 200;
    public double SampleTemperature { get; init; } = 0.8;
    public int Seed { get; init; } = 123;
    /// <summary>
    /// libtorch intra-op threads; 0 = all cores. Recorded with the run; the thread count belongs to
    /// the <see cref="Compute.ComputeLane"/> a run trains on, so this takes effect by creating the lane with it.
    /// </summary>
    public int Threads { get; init; } = 0;
    /// <summary>"cpu", "cuda" or "auto".</summary>
    public string Device { get; init; } = "cpu";
    /// <summary>Stop when loss exceeds this multiple of the first loss (exploding), as char-rnn does.</summary>
    public double ExplodeFactor { get; init; } = 3.0;

    /// <summary>Iterations the run will make, given the training split's minibatches per epoch.</summary>
    public int TotalIterations(int trainBatches) =>
        Iterations > 0 ? Iterations : Math.Max(1, (int)Math.Min(int.MaxValue, Math.Ceiling(Epochs * trainBatches)));

    /// <summary>Throws <see cref="ConfigException"/> naming the first bad value.</summary>
    public void Validate()
    {
        Require(Batch is >= 1 and <= 65536, $"batch must be between 1 and 65536 (got {Batch}).");
        Require(Seq is >= 1 and <= 65536, $"seq must be between 1 and 65536 (got {Seq}).");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, $"learning rate must be a positive number (got {LearningRate}).");
        Require(LearningRateDecay is > 0 and <= 1, $"learning rate decay must be in (0, 1] (got {LearningRateDecay}).");
        Require(DecayEvery >= 0, $"decay every must be 0 (once per epoch) or more (got {DecayEvery}).");
        Require(DecayAfter >= -1, $"decay after must be -1 (after 10 epochs) or more (got {DecayAfter}).");
        Require(GradClip is >= 0 and < double.PositiveInfinity, $"gradient clip must be 0 (off) or a positive number (got {GradClip}).");
        Require(Iterations >= 0, $"iterations must be 0 (use epochs) or more (got {Iterations}).");
        Require(Iterations > 0 || (double.IsFinite(Epochs) && Epochs > 0), $"epochs must be a positive number when iterations is 0 (got {Epochs}).");
        Require(ValidationFraction is >= 0 and <= 0.5, $"validation fraction must be between 0 and 0.5 (got {ValidationFraction}).");
        Require(EvalEvery >= 0 && EvalBatches >= 0 && CheckpointEvery >= 0 && SampleEvery >= 0,
            "eval every, eval batches, checkpoint every and sample every must be 0 (off) or more.");
        Require(SampleLength is >= 1 and <= 100_000, $"sample length must be between 1 and 100000 (got {SampleLength}).");
        Require(SampleTemperature is >= 0 and <= 100, $"sample temperature must be between 0 and 100 (got {SampleTemperature}).");
        Require(Threads is >= 0 and <= 1024, $"threads must be 0 (all cores) or more (got {Threads}).");
        Require(ExplodeFactor > 1, $"explode factor must be greater than 1 (got {ExplodeFactor}).");
        ComputeDevice.Validate(Device);
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new ConfigException(message);
    }
}
