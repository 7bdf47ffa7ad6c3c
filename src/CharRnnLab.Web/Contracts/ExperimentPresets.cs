using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Web.Contracts;

/// <summary>
/// The post's experiments, one per section, as presets on the Train page: the post's own setting and a
/// CPU-sized one side by side, each on its catalogue corpus. Both are other presets' settings
/// (<see cref="RunPresets.Karpathy"/>'s training for the post, <see cref="RunPresets.NeuronHunt"/>'s for the CPU)
/// with what the section changes; every other value is Core's default.
/// Where the post does not say (the size for Wikipedia, LaTeX, baby names and War and Peace, dropout and
/// minibatch outside the Paul Graham section) the post's setting takes the Paul Graham section's
/// (2×512, dropout 0.5, batch 100, seq 100) or, for depth, Shakespeare's 3 layers, and says so.
/// </summary>
public static class ExperimentPresets
{
    /// <summary>The corpus id the README's command gives a folder of Paul Graham essays (`corpora add … --name paul-graham`).</summary>
    public const string PaulGrahamCorpus = "paul-graham";

    /// <summary>The post's evolution timeline: the iterations it shows War and Peace samples at.</summary>
    public static readonly SampleSchedule EvolutionSchedule = new([100, 300, 500, 700, 1200, 2000]);

    /// <summary>The Linux section's "about 10 million parameters" for a 3-layer LSTM, as a hidden size (at ~100 symbols of C).</summary>
    private static readonly int LinuxHidden = ParameterMatch.HiddenFor(10_000_000, new ModelConfig(Layers: 3), vocabulary: 100);

    public static readonly ExperimentPreset PaulGraham = new("paul-graham", "Paul Graham generator",
        "About 1 MB of Paul Graham's essays, a 2-layer LSTM of 512 units with dropout 0.5, batches of 100 sequences of 100 characters.",
        "0.46 s per batch on a TITAN Z GPU",
        new ExperimentSetup(PaulGrahamCorpus, Post(new ModelConfig(Hidden: 512, Dropout: 0.5))),
        new ExperimentSetup("paul-graham-essay", Cpu(t => t with { Iterations = 2000 })), Vocabulary: 90,
        CorpusNote: "Paul Graham's essays are his copyright and no licensed download of the collection exists, so the lab can neither " +
                    "ship nor fetch the post's corpus. Keep the essays you have read as text files and build a corpus named " +
                    $"'{PaulGrahamCorpus}' from their folder or an archive of them on the Corpora page; until then the CPU variant " +
                    "trains on one essay, as a taste.");

    public static readonly ExperimentPreset Shakespeare = new("shakespeare", "Shakespeare",
        "All the works of Shakespeare concatenated (4.4 MB), a 3-layer LSTM of 512 units (dropout and minibatch as for Paul Graham).",
        "a few hours on a GPU",
        new ExperimentSetup("shakespeare-complete", Post(new ModelConfig(Layers: 3, Hidden: 512, Dropout: 0.5))),
        new ExperimentSetup("tiny-shakespeare", Cpu()), Vocabulary: 65);

    public static readonly ExperimentPreset Wikipedia = new("wikipedia", "Wikipedia",
        "The 100 MB of raw Wikipedia XML of the Hutter Prize, the first 96 MB for training and the rest for validation; " +
        "an LSTM whose size the post does not give (3×512 here).",
        "a few models overnight",
        new ExperimentSetup("enwik8", Post(new ModelConfig(Layers: 3, Hidden: 512, Dropout: 0.5), t => t with { ValidationFraction = 0.04 })),
        new ExperimentSetup("enwik8", Cpu(t => t with { Iterations = 2000, ValidationFraction = 0.04 })), Vocabulary: 2000);

    public static readonly ExperimentPreset Latex = new("latex", "Algebraic geometry (LaTeX)",
        "The raw LaTeX source of the Stacks project (16 MB), a multilayer LSTM whose size the post does not give (3×512 here).",
        "time not stated",
        new ExperimentSetup("stacks-project", Post(new ModelConfig(Layers: 3, Hidden: 512, Dropout: 0.5))),
        new ExperimentSetup("latex-stacks-algebra", Cpu()), Vocabulary: 100);

    public static readonly ExperimentPreset Linux = new("linux", "Linux source code",
        "All the source and header files of the Linux repository (474 MB of C), 3-layer LSTMs as large as fit on the GPU, " +
        $"about 10 million parameters ({LinuxHidden} units here).",
        "a few days on GPUs",
        new ExperimentSetup("linux-kernel", Post(new ModelConfig(Layers: 3, Hidden: LinuxHidden, Dropout: 0.5))),
        new ExperimentSetup("linux-sched-core", Cpu(t => t with { Iterations = 5000 })), Vocabulary: 100);

    public static readonly ExperimentPreset BabyNames = new("baby-names", "Baby names",
        "8,000 baby names, one per line; the post does not give the model (2×512 as for Paul Graham here).",
        "time not stated",
        new ExperimentSetup("baby-names", Post(new ModelConfig(Hidden: 512, Dropout: 0.5))),
        new ExperimentSetup("baby-names", Cpu(t => t with { Iterations = 3000 })), Vocabulary: 27);

    public static readonly ExperimentPreset WarAndPeace = new("war-and-peace", "Evolution of samples while training (War and Peace)",
        "Tolstoy's War and Peace (3.2 MB), an LSTM whose size the post does not give (2×512 as for Paul Graham here), " +
        "sampled while it trains; the post shows the samples at iterations 100, 300, 500, 700, 1200 and 2000.",
        "time not stated",
        new ExperimentSetup("war-and-peace", Post(new ModelConfig(Hidden: 512, Dropout: 0.5), Evolution)),
        new ExperimentSetup("war-and-peace", Cpu(Evolution)), Vocabulary: 90);

    /// <summary>In the post's order, the evolution last.</summary>
    public static IReadOnlyList<ExperimentPreset> All { get; } = [PaulGraham, Shakespeare, Wikipedia, Latex, Linux, BabyNames, WarAndPeace];

    /// <summary>
    /// The training rate measured on this lab's machine for the CPU variants' shape (2×128 LSTM, batch 50, seq 50),
    /// in floating-point operations per second (<see cref="Core.Benchmarks.ModelFlops"/>): the CPU variants' times are
    /// derived from it. <see cref="MeasuredHow"/> says how.
    /// </summary>
    public const double MeasuredFlopsPerSecond = 71.5e9;

    /// <summary>The run <see cref="MeasuredFlopsPerSecond"/> comes from, for the page and the README.</summary>
    public const string MeasuredHow =
        "50,050 characters per CPU second (71.5 GFLOP/s) training a 2×128 LSTM at batch 50, seq 50 on one libtorch thread " +
        "(the lab's default on this 2-core machine) on tiny-shakespeare: the CPU time of `charrnn train --iterations 500` " +
        "less that of `--iterations 100`, measured at a load average of 40, so a busy machine's wall time is longer.";

    /// <summary>The post's evolution: 2,000 iterations (not epochs) sampled at the post's iterations only.</summary>
    private static TrainingConfig Evolution(TrainingConfig t) =>
        t with { Iterations = 2000, Epochs = RunConfig.Default.Training.Epochs, SampleEvery = 0, SampleAt = EvolutionSchedule };

    private static RunConfig Post(ModelConfig model, Func<TrainingConfig, TrainingConfig>? change = null)
    {
        var training = RunPresets.Karpathy.Config.Training with { Batch = 100 };
        return new RunConfig(model, change is null ? training : change(training));
    }

    private static RunConfig Cpu(Func<TrainingConfig, TrainingConfig>? change = null)
    {
        var hunt = RunPresets.NeuronHunt.Config;
        return change is null ? hunt : hunt with { Training = change(hunt.Training) };
    }
}
