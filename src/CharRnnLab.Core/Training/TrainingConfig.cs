using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Core.Training;

public enum OptimizerKind { Adam, RmsProp }

/// <summary>
/// Everything about a training run except the model's shape. Saved inside every checkpoint.
/// The initialisers are the defaults, karpathy/char-rnn's (the learning rate decays once per epoch after 10 epochs);
/// the limits are in <see cref="RunSettings"/>.
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
    /// <summary>Iterations to sample at besides every <see cref="SampleEvery"/> (the post's evolution: 100, 300, … 2000).
    /// Absent from the JSON of configs saved before it existed, which then read as none.</summary>
    public SampleSchedule SampleAt { get; init; } = SampleSchedule.None;
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

    /// <summary>Whether the run takes a training sample after <paramref name="iteration"/>: every
    /// <see cref="SampleEvery"/>, or when the schedule names it.</summary>
    public bool SamplesAfter(int iteration) => Due(SampleEvery, iteration) || SampleAt.Contains(iteration);

    /// <summary>Whether a period of <paramref name="every"/> iterations (0 = never) ends at <paramref name="iteration"/>.</summary>
    internal static bool Due(int every, int iteration) => every > 0 && iteration % every == 0;

    /// <summary>Throws <see cref="ConfigException"/> naming the first bad value (limits: <see cref="RunSettings"/>).</summary>
    public void Validate() => RunSettings.ThrowFirst(RunSettings.Check(new RunConfig(new ModelConfig(), this), SettingGroup.Training));
}
