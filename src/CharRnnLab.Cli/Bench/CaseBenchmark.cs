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
/// Measures one case: training (engine against its autograd step and the bare loop, alternating rounds, best of each),
/// batch-1 sampling from the trained weights, and recording on random weights of the same shape.
/// </summary>
internal sealed class CaseBenchmark(BenchPlan plan, ComputeLane lane, TextWriter log)
{
    public async Task<CaseResult> RunAsync(BenchCase benchCase)
    {
        var model = benchCase.Run.Model;
        var training = Timed(benchCase);
        var corpus = LoadCorpus(training);
        int vocabulary = corpus.Vocabulary.Count;
        double trainingFlops = ModelFlops.Training(model, vocabulary);

        BaselineResult? bare = null;
        EngineRun? engine = null, autograd = null, last = null;
        for (int round = 1; round <= plan.Rounds; round++)
        {
            log.WriteLine($"bench: {benchCase.Name}: round {round}/{plan.Rounds}: bare loop, engine with the autograd step, then engine, " +
                          $"{plan.Warmup} + {plan.Iterations} iterations each…");
            var b = await BaselineLoop.MeasureAsync(corpus, model, training, plan.Warmup, plan.Iterations, lane);
            var a = await MeasureEngine(corpus, model, training, StepPath.Autograd);
            last = await MeasureEngine(corpus, model, training, StepPath.Automatic);
            if (bare is null || b.SymbolsPerSecond > bare.SymbolsPerSecond) bare = b;
            if (autograd is null || a.SymbolsPerSecond > autograd.SymbolsPerSecond) autograd = a;
            if (engine is null || last.SymbolsPerSecond > engine.SymbolsPerSecond) engine = last;
        }
        var figures = new TrainingFigures(new Throughput(engine!.SymbolsPerSecond, trainingFlops),
            new Throughput(autograd!.SymbolsPerSecond, trainingFlops), new Throughput(bare!.SymbolsPerSecond, trainingFlops),
            engine.LastLoss, bare.LastLoss);

        log.WriteLine($"bench: {benchCase.Name}: sampling {plan.SampleLength} symbols…");
        var sampling = MeasureSampling(engine.Weights);
        var agreement = SamplingAgreement.Measure(engine.Weights, Math.Min(2000, plan.SampleLength));
        var edited = InterventionSampling.Measure(engine.Weights, plan.SampleLength);
        var recording = await MeasureRecording(benchCase);
        return new CaseResult(benchCase, vocabulary, figures, sampling, agreement, edited, recording,
            ModelFlops.Forward(model, RandomWeights.PostVocabulary), last!.WorkingSet);
    }

    /// <summary>
    /// Where a step's time goes, section by section, on the autograd path and the default one (the
    /// fastest step of each over the rounds), and bare products at the step's own shapes.
    /// </summary>
    public async Task<CaseProfile> ProfileAsync(BenchCase benchCase)
    {
        var training = Timed(benchCase);
        var corpus = LoadCorpus(training);
        var best = new Dictionary<StepPath, StepSections>();
        for (int round = 1; round <= plan.Rounds; round++)
        {
            log.WriteLine($"bench: {benchCase.Name}: profile round {round}/{plan.Rounds}: autograd step, then default step, {plan.Warmup} + {plan.Iterations} iterations each…");
            foreach (var sections in await StepProfile.MeasureAsync(corpus, benchCase.Run.Model, training, plan.Warmup, plan.Iterations, lane))
                if (!best.TryGetValue(sections.Path, out var kept) || sections.StepSeconds < kept.StepSeconds) best[sections.Path] = sections;
        }
        log.WriteLine($"bench: {benchCase.Name}: products at the step's shapes…");
        var shapes = await StepProfile.MeasureShapesAsync(training.Batch, training.Seq, benchCase.Run.Model.Hidden, lane);
        double stepFlops = ModelFlops.Training(benchCase.Run.Model, corpus.Vocabulary.Count) * training.Batch * training.Seq;
        return new CaseProfile(benchCase, best.Values.ToList(), shapes, stepFlops);
    }

    /// <summary>The case's training with exactly the bench's iterations and nothing else scheduled.</summary>
    private TrainingConfig Timed(BenchCase benchCase) => benchCase.Run.Training with
    {
        Iterations = plan.Warmup + plan.Iterations,
        EvalEvery = 0, SampleEvery = 0, CheckpointEvery = 0,
    };

    private Corpus LoadCorpus(TrainingConfig training) => plan.CorpusPath is { } path
        ? CorpusLoader.LoadFile(path)
        : CorpusLoader.FromText("synthetic", SyntheticText.Generate(SyntheticLength(training)));

    /// <summary>Enough text that no minibatch repeats within the run (capped at 50M characters).</summary>
    private static int SyntheticLength(TrainingConfig t) =>
        (int)Math.Min(50_000_000, Math.Max(100_000, (long)t.Batch * t.Seq * (t.Iterations + 1) / 0.9));

    private async Task<EngineRun> MeasureEngine(Corpus corpus, ModelConfig model, TrainingConfig training, StepPath path)
    {
        var probe = new EngineProbe(plan.Warmup, plan.Iterations);
        using var session = TrainingSession.Create(corpus, model, training, null, probe, lane, path);
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
