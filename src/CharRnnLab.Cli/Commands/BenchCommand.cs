using System.Diagnostics;
using System.Text.Json;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn bench: the engine's training speed against a bare TorchSharp loop on the same data in
/// the same process, managed sampling speed, and memory over the run. A benchmark, not a test.
/// </summary>
public sealed class BenchCommand : ICommand
{
    public string Name => "bench";
    public string Summary => "measure training and sampling speed against a bare TorchSharp loop";
    public IReadOnlyCollection<string> Switches => [];
    public string Help => """
        usage: charrnn bench [options]

          --model lstm|gru|rnn  --hidden N  --layers N  --embedding N   (lstm, 512, 2, 0)
          --batch B  --seq T        minibatch shape (32, 100)
          --iterations N            timed iterations per loop (20), after --warmup N (3)
          --rounds N                alternate bare and engine loops N times; the best of each counts (2)
          --threads N               libtorch threads (0 = all cores)
          --corpus FILE             text to train on (default: a generated English-like text)
          --sample-length N         symbols generated to time sampling (1000)
          --record-chars N          characters recorded (all layers, c/h/gates) at 2x128 and 2x512 (100000; 0 = skip)
        Prints one JSON object: engine and bare chars/s and their ratio, sampling chars/s at batch 1,
        and the working set of the last engine run after its warm-up and at its end, and the peak (MB).
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        var model = new ModelConfig(
            SharedOptions.Cell(args) ?? CellType.Lstm,
            SharedOptions.Layers(args) ?? 2, SharedOptions.Hidden(args) ?? 512, SharedOptions.Embedding(args) ?? 0);
        int iterations = args.Int("iterations", 1, 1_000_000) ?? 20;
        int warmup = args.Int("warmup", 1, 1000) ?? 3;
        int sampleLength = args.Int("sample-length", 1, 1_000_000) ?? 1000;
        int rounds = args.Int("rounds", 1, 100) ?? 2;
        int recordChars = args.Int("record-chars", 0, 10_000_000) ?? 100_000;
        var training = new TrainingConfig
        {
            Batch = SharedOptions.Batch(args) ?? 32,
            Seq = SharedOptions.Seq(args) ?? 100,
            Threads = SharedOptions.Threads(args) ?? 0,
            Iterations = warmup + iterations,
            EvalEvery = 0, SampleEvery = 0, CheckpointEvery = 0,
        };
        string? corpusPath = args.String("corpus");
        args.EnsureAllUsed();

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
        return CommandLine.Ok;
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
