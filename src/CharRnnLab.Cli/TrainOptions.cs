using CharRnnLab.Core;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli;

/// <summary>
/// The model and training options of `charrnn train`, as given (null = not given), so they can
/// be applied over defaults for a new run or over the saved configuration for --resume.
/// </summary>
public sealed record TrainOptions
{
    public CellType? Cell { get; init; }
    public int? Hidden { get; init; }
    public int? Layers { get; init; }
    public int? Embedding { get; init; }
    public double? Dropout { get; init; }
    public int? Batch { get; init; }
    public int? Seq { get; init; }
    public double? LearningRate { get; init; }
    public double? LearningRateDecay { get; init; }
    public double? GradClip { get; init; }
    public OptimizerKind? Optimizer { get; init; }
    public int? Iterations { get; init; }
    public double? Epochs { get; init; }
    public double? ValidationFraction { get; init; }
    public int? EvalEvery { get; init; }
    public int? CheckpointEvery { get; init; }
    public int? SampleEvery { get; init; }
    public int? SampleLength { get; init; }
    public int? Seed { get; init; }
    public int? Threads { get; init; }
    public string? Device { get; init; }

    public static TrainOptions Read(ArgReader a)
    {
        var options = new TrainOptions
        {
            Cell = SharedOptions.Cell(a),
            Hidden = SharedOptions.Hidden(a),
            Layers = SharedOptions.Layers(a),
            Embedding = SharedOptions.Embedding(a),
            Dropout = a.Double("dropout", 0, 0.99),
            Batch = SharedOptions.Batch(a),
            Seq = SharedOptions.Seq(a),
            LearningRate = a.Double("lr", 1e-12, 1e9),
            LearningRateDecay = a.Double("lr-decay", 1e-6, 1),
            GradClip = a.Double("grad-clip", 0, 1e9),
            Optimizer = a.Has("optimizer") ? a.Choice("optimizer", OptimizerKind.Adam) : null,
            Iterations = a.Int("iterations", 1, int.MaxValue),
            Epochs = a.Double("epochs", 1e-6, 1e6),
            ValidationFraction = a.Double("val-fraction", 0, 0.5),
            EvalEvery = a.Int("eval-every", 0, int.MaxValue),
            CheckpointEvery = a.Int("checkpoint-every", 0, int.MaxValue),
            SampleEvery = a.Int("sample-every", 0, int.MaxValue),
            SampleLength = a.Int("sample-length", 1, 100_000),
            Seed = a.Int("seed"),
            Threads = SharedOptions.Threads(a),
            Device = a.String("device")?.ToLowerInvariant(),
        };
        if (options.Iterations is not null && options.Epochs is not null)
            throw new UsageException("--iterations and --epochs cannot be combined; give one of them.");
        if (options.Device is not null and not (ComputeDevice.Cpu or ComputeDevice.Cuda or ComputeDevice.Auto))
            throw new UsageException($"--device must be one of cpu|cuda|auto (got '{options.Device}').");
        return options;
    }

    public ModelConfig NewModel()
    {
        var d = new ModelConfig();
        return new ModelConfig(Cell ?? d.Cell, Layers ?? d.Layers, Hidden ?? d.Hidden, Embedding ?? d.Embedding, Dropout ?? d.Dropout);
    }

    /// <summary>Refuses model options that contradict the checkpoint: a model's shape is fixed once trained.</summary>
    public void CheckSameModel(ModelConfig saved)
    {
        void Same<T>(string option, T? given, T actual) where T : struct
        {
            if (given is T g && !EqualityComparer<T>.Default.Equals(g, actual))
                throw new CheckpointException(
                    $"--{option} {g.ToString()!.ToLowerInvariant()} differs from the checkpoint's {actual.ToString()!.ToLowerInvariant()}: " +
                    $"a trained model's shape cannot change. Drop --{option}, or start a new run in another --out directory.");
        }
        Same("model", Cell, saved.Cell);
        Same("hidden", Hidden, saved.Hidden);
        Same("layers", Layers, saved.Layers);
        Same("embedding", Embedding, saved.Embedding);
        Same("dropout", Dropout, saved.Dropout);
    }

    /// <summary>The given options over <paramref name="c"/> (defaults for a new run, the saved config on resume).</summary>
    public TrainingConfig ApplyTo(TrainingConfig c) => c with
    {
        Batch = Batch ?? c.Batch,
        Seq = Seq ?? c.Seq,
        LearningRate = LearningRate ?? c.LearningRate,
        LearningRateDecay = LearningRateDecay ?? c.LearningRateDecay,
        GradClip = GradClip ?? c.GradClip,
        Optimizer = Optimizer ?? c.Optimizer,
        Iterations = Iterations ?? (Epochs is not null ? 0 : c.Iterations),
        Epochs = Epochs ?? c.Epochs,
        ValidationFraction = ValidationFraction ?? c.ValidationFraction,
        EvalEvery = EvalEvery ?? c.EvalEvery,
        CheckpointEvery = CheckpointEvery ?? c.CheckpointEvery,
        SampleEvery = SampleEvery ?? c.SampleEvery,
        SampleLength = SampleLength ?? c.SampleLength,
        Seed = Seed ?? c.Seed,
        Threads = Threads ?? c.Threads,
        Device = Device ?? c.Device,
    };
}
