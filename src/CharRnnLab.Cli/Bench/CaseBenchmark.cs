using System.Diagnostics;
using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Bench;

/// <summary>How long and how often each part of a case is measured.</summary>
internal sealed record BenchPlan(int Iterations, int Warmup, int Rounds, int SampleLength, int RecordCharacters, string? CorpusPath,
    bool CompareRecording = false);

/// <summary>
/// Measures one case: training (engine against the bare loop, alternating rounds, best of each),
/// batch-1 sampling from the trained weights, and recording on random weights of the same shape.
/// </summary>
internal sealed class CaseBenchmark(BenchPlan plan, ComputeLane lane, TextWriter log)
{
    public async Task<CaseResult> RunAsync(BenchCase benchCase)
    {
        var model = benchCase.Run.Model;
        var training = benchCase.Run.Training with
        {
            Iterations = plan.Warmup + plan.Iterations,
            EvalEvery = 0, SampleEvery = 0, CheckpointEvery = 0,
        };
        var corpus = LoadCorpus(training);
        int vocabulary = corpus.Vocabulary.Count;
        double trainingFlops = ModelFlops.Training(model, vocabulary);

        BaselineResult? bare = null;
        EngineRun? engine = null, last = null;
        for (int round = 1; round <= plan.Rounds; round++)
        {
            log.WriteLine($"bench: {benchCase.Name}: round {round}/{plan.Rounds}: bare loop, then engine, {plan.Warmup} + {plan.Iterations} iterations each…");
            var b = await BaselineLoop.MeasureAsync(corpus, model, training, plan.Warmup, plan.Iterations, lane);
            last = await MeasureEngine(corpus, model, training);
            if (bare is null || b.SymbolsPerSecond > bare.SymbolsPerSecond) bare = b;
            if (engine is null || last.SymbolsPerSecond > engine.SymbolsPerSecond) engine = last;
        }
        var figures = new TrainingFigures(new Throughput(engine!.SymbolsPerSecond, trainingFlops),
            new Throughput(bare!.SymbolsPerSecond, trainingFlops), engine.LastLoss, bare.LastLoss);

        log.WriteLine($"bench: {benchCase.Name}: sampling {plan.SampleLength} symbols…");
        var sampling = MeasureSampling(engine.Weights);
        var agreement = SamplingAgreement.Measure(engine.Weights, Math.Min(2000, plan.SampleLength));
        var edited = InterventionSampling.Measure(engine.Weights, plan.SampleLength);
        var recording = await MeasureRecording(benchCase);
        return new CaseResult(benchCase, vocabulary, figures, sampling, agreement, edited, recording,
            ModelFlops.Forward(model, RandomWeights.PostVocabulary), last!.WorkingSet);
    }

    private Corpus LoadCorpus(TrainingConfig training) => plan.CorpusPath is { } path
        ? CorpusLoader.LoadFile(path)
        : CorpusLoader.FromText("synthetic", SyntheticText.Generate(SyntheticLength(training)));

    /// <summary>Enough text that no minibatch repeats within the run (capped at 50M characters).</summary>
    private static int SyntheticLength(TrainingConfig t) =>
        (int)Math.Min(50_000_000, Math.Max(100_000, (long)t.Batch * t.Seq * (t.Iterations + 1) / 0.9));

    private async Task<EngineRun> MeasureEngine(Corpus corpus, ModelConfig model, TrainingConfig training)
    {
        var probe = new EngineProbe(plan.Warmup, plan.Iterations);
        using var session = TrainingSession.Create(corpus, model, training, null, probe, lane);
        session.Start();
        await session.Completion;
        var weights = await session.SnapshotAsync();
        double rate = plan.Iterations * (double)training.Batch * training.Seq / probe.TimedSeconds;
        return new EngineRun(rate, probe.LastLoss, probe.WorkingSet, weights);
    }

    /// <summary>The plain float32 stepper, then the packed one in each precision, 1 thread and all cores.</summary>
    private IReadOnlyList<SamplingFigure> MeasureSampling(ModelWeights weights)
    {
        double flops = ModelFlops.Forward(weights.Config, weights.Vocabulary.Count);
        int cores = Environment.ProcessorCount;
        (string Path, StepperOptions? Stepper)[] paths =
        [
            ("plain fp32, 1 thread", null),
            ("packed fp32, 1 thread", new StepperOptions(WeightPrecision.Float32, 1)),
            ("packed fp16, 1 thread", new StepperOptions(WeightPrecision.Float16, 1)),
            ($"packed fp16, {cores} threads", new StepperOptions(WeightPrecision.Float16, cores)),
        ];
        var figures = paths.Select(p => new SamplingFigure(p.Path, new Throughput(SamplingRate(new Sampler(weights, p.Stepper), Single), flops))).ToList();
        double[] strip = [0.5, 1.0, 1.5];
        double stripRate = SamplingRate(new Sampler(weights, new StepperOptions(WeightPrecision.Float16, 1)), strip);
        figures.Add(new SamplingFigure($"packed fp16 strip of {strip.Length} temperatures, 1 thread (steps/s)", new Throughput(stripRate, flops * strip.Length)));
        return figures;
    }

    private static readonly double[] Single = [1.0];

    /// <summary>Steps per second of a strip (one temperature: plain sampling).</summary>
    private double SamplingRate(Sampler sampler, double[] temperatures)
    {
        int Run(int length, int seed) => sampler.GenerateStrip(new SampleOptions(length, Seed: seed), temperatures).Count();
        Run(Math.Min(50, plan.SampleLength), 1); // warm the JIT and the packing cache
        var clock = Stopwatch.StartNew();
        Run(plan.SampleLength, 2);
        return plan.SampleLength / clock.Elapsed.TotalSeconds;
    }

    private async Task<RecorderBenchmarkResult?> MeasureRecording(BenchCase benchCase)
    {
        if (plan.RecordCharacters == 0) return null;
        string against = plan.CompareRecording ? ", alternating with the tensor-operation path" : "";
        log.WriteLine($"bench: {benchCase.Name}: recording {plan.RecordCharacters} characters, every layer and kind, best of {plan.Rounds}{against}…");
        return await lane.Run(() => RecorderBenchmark.Run(benchCase.Run.Model, plan.RecordCharacters, plan.Rounds, plan.CompareRecording));
    }

    private sealed record EngineRun(double SymbolsPerSecond, double LastLoss, IReadOnlyList<WorkingSetPoint> WorkingSet, ModelWeights Weights);
}
