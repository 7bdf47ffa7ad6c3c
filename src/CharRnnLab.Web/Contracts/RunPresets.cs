using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Web.Contracts;

/// <summary>A named set of hyperparameters offered on the Train page: Core's defaults with a few changed.</summary>
public sealed record RunPreset(string Id, string Label, string Description, RunConfig Config);

/// <summary>The Train page's presets, smallest first.</summary>
public static class RunPresets
{
    private static Core.Training.TrainingConfig Defaults => RunConfig.Default.Training;

    public static readonly RunPreset Tiny = new("tiny", "tiny 2×64 — seconds",
        "Learns spelling-level structure in a few hundred iterations; good for a first look.",
        Preset(new ModelConfig(Layers: 2, Hidden: 64), t => t with
        {
            Batch = 32, Seq = 32, LearningRate = 3e-3,
            Iterations = 400, EvalEvery = 50, SampleEvery = 50, SampleLength = 200, CheckpointEvery = 100,
        }));

    public static readonly RunPreset CharRnnDefault = new("char-rnn", "char-rnn default 2×128",
        $"karpathy/char-rnn's defaults: batch {Defaults.Batch}, sequence {Defaults.Seq}, Adam {Defaults.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}. " +
        "Minutes per epoch on a laptop.",
        Preset(new ModelConfig(), t => t with { Epochs = 10, EvalEvery = 200, SampleEvery = 100, SampleLength = 300, CheckpointEvery = 500 }));

    public static readonly RunPreset NeuronHunt = new("neurons", "neuron hunt 2×128",
        "The README's neuron recipe: char-rnn's size with Adam 4e-3 for 10,000 iterations (9 minutes with the CLI on two " +
        "cores; longer here, where the server keeps a core). Train it on the mixed corpus, then on Neurons read the dialogue " +
        "corpus's validation slice for the quote cell and the mixed one for the indentation, bracket and line-length cells.",
        Preset(new ModelConfig(), t => t with
        {
            LearningRate = 4e-3, Iterations = 10_000, EvalEvery = 500, SampleEvery = 250, SampleLength = 300, CheckpointEvery = 500,
        }));

    public static readonly RunPreset Karpathy = new("karpathy", "Karpathy 2×512",
        "The blog post's size with dropout 0.5 and sequence 100: hours on a CPU, the real thing.",
        Preset(new ModelConfig(Hidden: 512, Dropout: 0.5), t => t with
        {
            Seq = 100, Epochs = 20, EvalEvery = 500, SampleEvery = 200, SampleLength = 400, CheckpointEvery = 1000,
        }));

    public static IReadOnlyList<RunPreset> All { get; } = [Tiny, CharRnnDefault, NeuronHunt, Karpathy];

    /// <summary>The preset's hyperparameters, keeping the request's corpus and name.</summary>
    public static StartRunRequest Apply(RunPreset preset, StartRunRequest current) =>
        RunRequests.From(current.CorpusId, current.Name, preset.Config);

    private static RunConfig Preset(ModelConfig model, Func<Core.Training.TrainingConfig, Core.Training.TrainingConfig> training) =>
        new(model, training(RunConfig.Default.Training));
}
