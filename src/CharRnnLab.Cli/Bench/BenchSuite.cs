using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Bench;

/// <summary>One configuration the bench measures: a name for the table and the run it trains.</summary>
internal sealed record BenchCase(string Name, RunConfig Run)
{
    public static BenchCase Of(RunConfig run) =>
        new($"{run.Model.Cell.ToString().ToLowerInvariant()} {run.Model.Layers}x{run.Model.Hidden} b{run.Training.Batch} s{run.Training.Seq}", run);
}

/// <summary>
/// The named sets of configurations: <c>default</c> is one 2×512 LSTM at batch 32, seq 100 (the
/// lab's interactive size); <c>post</c> is Karpathy's own settings, 2×512 and 3×512 at batch 100,
/// seq 100. Model and minibatch options given on the command line override every case.
/// </summary>
internal static class BenchSuite
{
    public const string Default = "default", Post = "post";
    public static readonly string[] Names = [Default, Post];

    public static RunConfig DefaultRun { get; } = Run(2, 32);

    public static IReadOnlyList<RunConfig> Runs(string suite) => suite switch
    {
        Post => [Run(2, 100), Run(3, 100)],
        _ => [DefaultRun],
    };

    private static RunConfig Run(int layers, int batch) =>
        new(new ModelConfig(Layers: layers, Hidden: 512), new TrainingConfig { Batch = batch, Seq = 100 });
}
