using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Settings;

/// <summary>
/// Every setting of a run with its names, meaning and limits, in the order front ends show them.
/// The defaults are the initialisers of <see cref="ModelConfig"/> and <see cref="TrainingConfig"/>;
/// this is the one place the limits are written.
/// </summary>
public static class RunSettings
{
    public static readonly ChoiceSetting Cell = Model("cell", "model", "cell", "recurrent cell",
        Enum.GetNames<CellType>().Select(n => n.ToLowerInvariant()).ToArray(),
        c => c.Model.Cell.ToString().ToLowerInvariant(), (c, v) => c with { Model = c.Model with { Cell = Enum.Parse<CellType>(v, true) } });
    public static readonly NumberSetting Layers = Model("layers", "layers", "layers", "stacked recurrent layers", 1, 16,
        c => c.Model.Layers, (c, v) => c with { Model = c.Model with { Layers = (int)v } });
    public static readonly NumberSetting Hidden = Model("hidden", "hidden", "hidden size", "units per layer", 1, 8192,
        c => c.Model.Hidden, (c, v) => c with { Model = c.Model with { Hidden = (int)v } });
    public static readonly NumberSetting Embedding = Model("embedding", "embedding", "embedding", "input embedding size", 0, 8192,
        c => c.Model.Embedding, (c, v) => c with { Model = c.Model with { Embedding = (int)v } }, special: "0 = one-hot input");
    public static readonly NumberSetting Dropout = new()
    {
        Key = "dropout", Flag = "dropout", Label = "dropout", Help = "dropout between recurrent layers", Group = SettingGroup.Model,
        Min = 0, Max = 0.95, Step = 0.1,
        Get = c => c.Model.Dropout, With = (c, v) => c with { Model = c.Model with { Dropout = v } },
    };

    public static readonly NumberSetting Batch = Whole("batch", "batch", "batch size", "B: parallel streams per minibatch", 1, 65536,
        c => c.Training.Batch, (c, v) => c with { Training = c.Training with { Batch = (int)v } });
    public static readonly NumberSetting Seq = Whole("seq", "seq", "sequence length", "T: time steps per minibatch (truncated BPTT)", 1, 65536,
        c => c.Training.Seq, (c, v) => c with { Training = c.Training with { Seq = (int)v } });
    public static readonly ChoiceSetting Optimizer = Choice("optimizer", "optimizer", "optimizer", "the update rule",
        Enum.GetNames<OptimizerKind>().Select(n => n.ToLowerInvariant()).ToArray(),
        c => c.Training.Optimizer.ToString().ToLowerInvariant(),
        (c, v) => c with { Training = c.Training with { Optimizer = Enum.Parse<OptimizerKind>(v, true) } });
    public static readonly NumberSetting LearningRate = Real("learningRate", "lr", "learning rate", "step size of the optimizer", 0, 1e6,
        c => c.Training.LearningRate, (c, v) => c with { Training = c.Training with { LearningRate = v } }, minExclusive: true, step: 0.0005);
    public static readonly NumberSetting LearningRateDecay = Real("learningRateDecay", "lr-decay", "learning rate decay",
        "multiplier applied every decay period once decay has started", 0, 1,
        c => c.Training.LearningRateDecay, (c, v) => c with { Training = c.Training with { LearningRateDecay = v } },
        minExclusive: true, special: "1 = constant", step: 0.01);
    public static readonly NumberSetting DecayEvery = Whole("decayEvery", "decay-every", "decay every", "iterations between decays", 0, int.MaxValue,
        c => c.Training.DecayEvery, (c, v) => c with { Training = c.Training with { DecayEvery = (int)v } }, special: "0 = once per epoch");
    public static readonly NumberSetting DecayAfter = Whole("decayAfter", "decay-after", "decay after", "iteration after which decay starts", -1, int.MaxValue,
        c => c.Training.DecayAfter, (c, v) => c with { Training = c.Training with { DecayAfter = (int)v } }, special: "-1 = after 10 epochs");
    public static readonly NumberSetting GradClip = Real("gradClip", "grad-clip", "gradient clip", "clip the gradient's global L2 norm to this", 0, 1e6,
        c => c.Training.GradClip, (c, v) => c with { Training = c.Training with { GradClip = v } }, special: "0 = off", step: 0.5);
    public static readonly NumberSetting Iterations = Whole("iterations", "iterations", "iterations", "length of the run in minibatches", 0, MaxIterations,
        c => c.Training.Iterations, (c, v) => c with { Training = c.Training with { Iterations = (int)v } }, special: "0 = use epochs");
    public static readonly NumberSetting Epochs = Real("epochs", "epochs", "epochs", "length of the run in passes over the training split (when iterations is 0)",
        0, 10_000, c => c.Training.Epochs, (c, v) => c with { Training = c.Training with { Epochs = v } }, minExclusive: true);
    public static readonly NumberSetting ValidationFraction = Real("validationFraction", "val-fraction", "validation fraction",
        "tail of the text kept for validation", 0, 0.5,
        c => c.Training.ValidationFraction, (c, v) => c with { Training = c.Training with { ValidationFraction = v } }, step: 0.01);
    public static readonly NumberSetting EvalEvery = Whole("evalEvery", "eval-every", "evaluate every", "iterations between validation passes", 0, int.MaxValue,
        c => c.Training.EvalEvery, (c, v) => c with { Training = c.Training with { EvalEvery = (int)v } }, special: "0 = never");
    public static readonly NumberSetting EvalBatches = Whole("evalBatches", "eval-batches", "evaluation batches", "validation minibatches per evaluation", 0, int.MaxValue,
        c => c.Training.EvalBatches, (c, v) => c with { Training = c.Training with { EvalBatches = (int)v } }, special: "0 = the whole split");
    public static readonly NumberSetting CheckpointEvery = Whole("checkpointEvery", "checkpoint-every", "checkpoint every", "iterations between checkpoints", 0, int.MaxValue,
        c => c.Training.CheckpointEvery, (c, v) => c with { Training = c.Training with { CheckpointEvery = (int)v } }, special: "0 = only at the end");
    public static readonly NumberSetting SampleEvery = Whole("sampleEvery", "sample-every", "sample every", "iterations between samples", 0, int.MaxValue,
        c => c.Training.SampleEvery, (c, v) => c with { Training = c.Training with { SampleEvery = (int)v } }, special: "0 = never");
    public static readonly ScheduleSetting SampleAt = new()
    {
        Key = "sampleAt", Flag = "sample-at", Label = "sample at", Group = SettingGroup.Training,
        Help = "iterations to sample at as well, e.g. the post's 100,300,500,700,1200,2000",
        Min = 1, Max = MaxIterations, MaxCount = MaxScheduledSamples,
        Get = c => c.Training.SampleAt, With = (c, v) => c with { Training = c.Training with { SampleAt = v } },
    };
    public static readonly NumberSetting SampleLength = Whole("sampleLength", "sample-length", "sample length", "characters per training sample", 1, 100_000,
        c => c.Training.SampleLength, (c, v) => c with { Training = c.Training with { SampleLength = (int)v } });
    public static readonly NumberSetting SampleTemperature = Real("sampleTemperature", "sample-temperature", "sample temperature",
        "temperature of the training samples", 0, 5,
        c => c.Training.SampleTemperature, (c, v) => c with { Training = c.Training with { SampleTemperature = v } }, special: "0 = greedy", step: 0.1);
    public static readonly NumberSetting Seed = Whole("seed", "seed", "seed", "random seed (weights, dropout, samples)", int.MinValue, int.MaxValue,
        c => c.Training.Seed, (c, v) => c with { Training = c.Training with { Seed = (int)v } });
    public static readonly NumberSetting Threads = Whole("threads", "threads", "threads", "libtorch threads", 0, 1024,
        c => c.Training.Threads, (c, v) => c with { Training = c.Training with { Threads = (int)v } }, special: "0 = all cores");
    public static readonly ChoiceSetting Device = Choice("device", "device", "device", "where training runs", [ComputeDevice.Cpu, ComputeDevice.Cuda, ComputeDevice.Auto],
        c => c.Training.Device, (c, v) => c with { Training = c.Training with { Device = v } });
    public static readonly NumberSetting ExplodeFactor = Real("explodeFactor", "explode-factor", "explode factor",
        "stop when the loss exceeds this multiple of the first loss", 1, 1e6,
        c => c.Training.ExplodeFactor, (c, v) => c with { Training = c.Training with { ExplodeFactor = v } }, minExclusive: true);

    /// <summary>The largest run the lab and the CLI accept, in iterations.</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>The most iterations a sample schedule may name (a timeline, not a second sampling period).</summary>
    public const int MaxScheduledSamples = 100;

    /// <summary>Every setting, model first, in the order forms and help texts list them.</summary>
    public static IReadOnlyList<Setting> All { get; } =
    [
        Cell, Layers, Hidden, Embedding, Dropout,
        Batch, Seq, Optimizer, LearningRate, LearningRateDecay, DecayEvery, DecayAfter, GradClip, Iterations, Epochs,
        ValidationFraction, EvalEvery, EvalBatches, CheckpointEvery, SampleEvery, SampleAt, SampleLength, SampleTemperature, Seed,
        Threads, Device, ExplodeFactor,
    ];

    /// <summary>The setting with this key (case-insensitive) or CLI flag, or null.</summary>
    public static Setting? Find(string name) =>
        All.FirstOrDefault(s => s.Key.Equals(name, StringComparison.OrdinalIgnoreCase) || s.Flag.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every problem with <paramref name="config"/>, one per out-of-bounds setting (of <paramref name="group"/> only, when given).</summary>
    public static IReadOnlyList<SettingError> Check(RunConfig config, SettingGroup? group = null) =>
        All.Where(s => group is null || s.Group == group)
            .Select(s => s.Check(config) is { } message ? new SettingError(s.Key, message) : null)
            .OfType<SettingError>().ToList();

    /// <summary>Throws <see cref="ConfigException"/> with the first of <paramref name="errors"/>, if any.</summary>
    public static void ThrowFirst(IReadOnlyList<SettingError> errors)
    {
        if (errors.Count > 0) throw new ConfigException(errors[0].Message);
    }

    private static ChoiceSetting Model(string key, string flag, string label, string help, string[] choices,
        Func<RunConfig, string> get, Func<RunConfig, string, RunConfig> with) =>
        new() { Key = key, Flag = flag, Label = label, Help = help, Group = SettingGroup.Model, Choices = choices, Get = get, With = with };

    private static NumberSetting Model(string key, string flag, string label, string help, double min, double max,
        Func<RunConfig, double> get, Func<RunConfig, double, RunConfig> with, string? special = null) =>
        new() { Key = key, Flag = flag, Label = label, Help = help, Group = SettingGroup.Model, Min = min, Max = max, Integer = true, Special = special, Get = get, With = with };

    private static NumberSetting Whole(string key, string flag, string label, string help, double min, double max,
        Func<RunConfig, double> get, Func<RunConfig, double, RunConfig> with, string? special = null) =>
        new() { Key = key, Flag = flag, Label = label, Help = help, Group = SettingGroup.Training, Min = min, Max = max, Integer = true, Special = special, Get = get, With = with };

    private static NumberSetting Real(string key, string flag, string label, string help, double min, double max,
        Func<RunConfig, double> get, Func<RunConfig, double, RunConfig> with, bool minExclusive = false, string? special = null, double step = 1) =>
        new() { Key = key, Flag = flag, Label = label, Help = help, Group = SettingGroup.Training, Min = min, Max = max, MinExclusive = minExclusive, Special = special, Step = step, Get = get, With = with };

    private static ChoiceSetting Choice(string key, string flag, string label, string help, string[] choices,
        Func<RunConfig, string> get, Func<RunConfig, string, RunConfig> with) =>
        new() { Key = key, Flag = flag, Label = label, Help = help, Group = SettingGroup.Training, Choices = choices, Get = get, With = with };
}
