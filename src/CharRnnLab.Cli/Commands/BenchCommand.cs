using System.Diagnostics;
using System.CommandLine;
using System.Text.Json;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn bench: the engine's training speed against a bare TorchSharp loop on the same data in
/// the same process, managed sampling speed, and memory over the run. A benchmark, not a test.
/// </summary>
public sealed class BenchCommand : Command
{
    /// <summary>What is measured unless options say otherwise: Karpathy's 2×512 LSTM at batch 32, seq 100.</summary>
    private static readonly RunConfig Workload = new(new ModelConfig(Layers: 2, Hidden: 512), new TrainingConfig { Batch = 32, Seq = 100 });

    private readonly RunOptions _run = new(Workload,
        [RunSettings.Cell, RunSettings.Hidden, RunSettings.Layers, RunSettings.Embedding, RunSettings.Batch, RunSettings.Seq, RunSettings.Threads]);
    private readonly Option<int> _iterations = ValueOptions.Whole("--iterations", "timed iterations per loop, after --warmup", 1, 1_000_000, 20);
    private readonly Option<int> _warmup = ValueOptions.Whole("--warmup", "untimed iterations before them", 1, 1000, 3);
    private readonly Option<int> _rounds = ValueOptions.Whole("--rounds", "alternate bare and engine loops N times; the best of each counts", 1, 100, 2);
    private readonly Option<string?> _corpus = ValueOptions.Text("--corpus", "text to train on (default: a generated English-like text)", "FILE");
    private readonly Option<int> _sampleLength = ValueOptions.Whole("--sample-length", "symbols generated to time sampling", 1, 1_000_000, 1000);
    private readonly Option<int> _recordChars = ValueOptions.Whole("--record-chars",
        "characters recorded (all layers, c/h/gates) at 2x128 and 2x512 (0 = skip)", 0, 10_000_000, 100_000);

    public BenchCommand() : base("bench",
        "Measure training against a bare TorchSharp loop, sampling and recording; print one JSON object (chars/s, ratio, memory in MB).")
    {
        _run.AddTo(this);
        Options.Add(_iterations);
        Options.Add(_warmup);
        Options.Add(_rounds);
        Options.Add(_corpus);
        Options.Add(_sampleLength);
        Options.Add(_recordChars);
        SetAction((parse, _) => RunAsync(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    private async Task<int> RunAsync(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var run = _run.ApplyTo(parse, Workload);
        var model = run.Model;
        int iterations = parse.GetValue(_iterations);
        int warmup = parse.GetValue(_warmup);
        int sampleLength = parse.GetValue(_sampleLength);
        int rounds = parse.GetValue(_rounds);
        int recordChars = parse.GetValue(_recordChars);
        var training = run.Training with
        {
            Iterations = warmup + iterations,
            EvalEvery = 0, SampleEvery = 0, CheckpointEvery = 0,
        };
        string? corpusPath = parse.GetValue(_corpus);

        var corpus = corpusPath is not null
            ? CorpusLoader.LoadFile(corpusPath)
            : CorpusLoader.FromText("synthetic", SyntheticText.Generate(SyntheticLength(training, warmup + iterations)));
        using var lane = new ComputeLane(training.Threads);

        // Alternating rounds and best-of: other load on the machine only ever slows a loop down.
        BaselineResult? bare = null;
        EngineRun? engine = null, last = null;
        for (int round = 1; round <= rounds; round++)
        {
            stderr.WriteLine($"bench: round {round}/{rounds}: bare loop, then engine, {warmup} + {iterations} iterations each…");
            var b = await BaselineLoop.MeasureAsync(corpus, model, training, warmup, iterations, lane);
            last = await MeasureEngine(corpus, model, training, warmup, lane);
            if (bare is null || b.SymbolsPerSecond > bare.SymbolsPerSecond) bare = b;
            if (engine is null || last.SymbolsPerSecond > engine.SymbolsPerSecond) engine = last;
        }
        stderr.WriteLine($"bench: sampling {sampleLength} symbols…");
        double samplingRate = MeasureSampling(engine!.Weights, sampleLength);
        var recording = await MeasureRecording(recordChars, lane, stderr);

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var result = new
        {
            Model = model.Cell.ToString().ToLowerInvariant(), model.Layers, model.Hidden, model.Embedding,
            training.Batch, training.Seq, Iterations = iterations, Warmup = warmup, Rounds = rounds, Threads = lane.Threads,
            Corpus = corpus.Name, CorpusSymbols = corpus.Length, Vocabulary = corpus.Vocabulary.Count,
            EngineCharsPerSecond = Math.Round(engine.SymbolsPerSecond, 1),
            BareCharsPerSecond = Math.Round(bare!.SymbolsPerSecond, 1),
            Ratio = Math.Round(engine.SymbolsPerSecond / bare.SymbolsPerSecond, 3),
            SamplingCharsPerSecond = Math.Round(samplingRate, 1),
            Recording = recording.Select(r => new
            {
                r.Layers, r.Hidden, r.Characters, r.Streams,
                CharsPerSecond = Math.Round(r.CharactersPerSecond, 1),
            }),
            WorkingSetAfterWarmupMb = Megabytes(last!.WorkingSetAfterWarmup),
            WorkingSetAtEndMb = Megabytes(last.WorkingSetAtEnd),
            PeakWorkingSetMb = Megabytes(process.PeakWorkingSet64),
            EngineLastLoss = Math.Round(engine.LastLoss, 4),
            BareLastLoss = Math.Round(bare.LastLoss, 4),
        };
        stdout.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        return ExitCode.Ok;
    }

    private static int SyntheticLength(TrainingConfig t, int iterations) =>
        (int)Math.Min(50_000_000, Math.Max(100_000, (long)t.Batch * t.Seq * (iterations + 1) / 0.9));

    private static async Task<EngineRun> MeasureEngine(Corpus corpus, ModelConfig model, TrainingConfig training, int warmup, ComputeLane lane)
    {
        var probe = new EngineProbe(warmup);
        using var session = TrainingSession.Create(corpus, model, training, null, probe, lane);
        session.Start();
        await session.Completion;
        var weights = await session.SnapshotAsync();
        int timed = training.Iterations - warmup;
        return new EngineRun(timed * (double)training.Batch * training.Seq / probe.TimedSeconds, probe.LastLoss,
            probe.WorkingSetAfterWarmup, probe.WorkingSetAtEnd, weights);
    }

    private static double MeasureSampling(ModelWeights weights, int length)
    {
        var sampler = new Sampler(weights);
        sampler.GenerateText(new SampleOptions(Math.Min(50, length), Seed: 1)); // warm the JIT
        var clock = Stopwatch.StartNew();
        sampler.GenerateText(new SampleOptions(length, Seed: 2));
        return length / clock.Elapsed.TotalSeconds;
    }

    private static async Task<RecorderBenchmarkResult[]> MeasureRecording(int characters, ComputeLane lane, TextWriter stderr)
    {
        if (characters == 0) return [];
        stderr.WriteLine($"bench: recording {characters} characters at 2x128 and 2x512…");
        return await lane.Run(() => new[] { 128, 512 }.Select(h => RecorderBenchmark.Run(h, 2, characters)).ToArray());
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    private sealed record EngineRun(double SymbolsPerSecond, double LastLoss, long WorkingSetAfterWarmup, long WorkingSetAtEnd, ModelWeights Weights);

    /// <summary>Times the engine from the end of warm-up to the last iteration, as the bare loop is timed.</summary>
    private sealed class EngineProbe(int warmup) : ITrainingObserver
    {
        private readonly Stopwatch _clock = new();
        public double TimedSeconds => _clock.Elapsed.TotalSeconds;
        public double LastLoss { get; private set; }
        public long WorkingSetAfterWarmup { get; private set; }
        public long WorkingSetAtEnd { get; private set; }

        public void OnProgress(TrainingProgress p)
        {
            LastLoss = p.TrainLoss;
            if (p.Iteration == warmup)
            {
                WorkingSetAfterWarmup = WorkingSet();
                _clock.Start();
            }
            if (p.Iteration == p.TotalIterations)
            {
                _clock.Stop();
                WorkingSetAtEnd = WorkingSet();
            }
        }

        private static long WorkingSet()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }
}
