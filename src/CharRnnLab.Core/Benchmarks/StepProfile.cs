using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>Where one training step's time goes, per section, for one step path.</summary>
/// <param name="Path">The path profiled.</param>
/// <param name="Explicit">Whether the run really used <see cref="ExplicitLstmStep"/>.</param>
/// <param name="Sections">Mean seconds per step of each section, in step order.</param>
public sealed record StepSections(StepPath Path, bool Explicit, IReadOnlyList<(string Section, double Seconds)> Sections)
{
    public double StepSeconds => Sections.Sum(s => s.Seconds);
}

/// <summary>A float32 matrix product (M × K)·(K × N) timed alone: what the machine does at a step's own shapes.</summary>
/// <param name="Name">What in a step has this shape.</param>
/// <param name="BestSeconds">Fastest of the timed products.</param>
public sealed record ShapeRate(string Name, int M, int K, int N, double BestSeconds)
{
    public double Gflops => 2.0 * M * K * N / BestSeconds / 1e9;
}

/// <summary>
/// Profiles training steps section by section (Stopwatch laps around synchronous CPU libtorch
/// calls), for each step path, and times bare products at the shapes an LSTM step runs. A benchmark:
/// it reports numbers and asserts nothing.
/// </summary>
public static class StepProfile
{
    public static Task<IReadOnlyList<StepSections>> MeasureAsync(Corpus corpus, ModelConfig model, TrainingConfig training,
        int warmup, int iterations, ComputeLane lane) =>
        lane.Run<IReadOnlyList<StepSections>>(() =>
            [Measure(corpus, model, training, warmup, iterations, StepPath.Autograd), Measure(corpus, model, training, warmup, iterations, StepPath.Automatic)]);

    /// <summary>The products of a 2-layer-style LSTM step at batch B, seq T, hidden H: per step, and over all T·B rows.</summary>
    public static Task<IReadOnlyList<ShapeRate>> MeasureShapesAsync(int batch, int seq, int hidden, ComputeLane lane) =>
        lane.Run<IReadOnlyList<ShapeRate>>(() =>
        [
            Time("per step forward h·W_hhᵀ", batch, hidden, 4 * hidden),
            Time("per step backward dgates·W_hh", batch, 4 * hidden, hidden),
            Time("all rows x·W_ihᵀ", batch * seq, hidden, 4 * hidden),
            Time("all rows dgatesᵀ·h (dW)", 4 * hidden, batch * seq, hidden),
            Time("all rows dgates·W_ih (dx)", batch * seq, 4 * hidden, hidden),
        ]);

    private static StepSections Measure(Corpus corpus, ModelConfig model, TrainingConfig training, int warmup, int iterations, StepPath path)
    {
        var loader = new MinibatchLoader(corpus.Encoded, training.Batch, training.Seq, training.ValidationFraction);
        using var run = TrainingRun.Create(model, training, loader, corpus.Vocabulary.Count, torch.CPU, path);
        for (int i = 0; i < warmup; i++) run.Step(training.LearningRate);
        var clock = new SectionClock();
        for (int i = 0; i < iterations; i++)
        {
            clock.Restart();
            run.Step(training.LearningRate, clock);
        }
        return new StepSections(path, run.ExplicitStep, clock.Totals.Select(s => (s.Section, s.Seconds / iterations)).ToList());
    }

    private static ShapeRate Time(string name, int m, int k, int n)
    {
        using var scope = NewDisposeScope();
        return new ShapeRate(name, m, k, n, GemmBenchmark.BestSeconds(rand(m, k), rand(k, n), 5, 0.5));
    }
}
