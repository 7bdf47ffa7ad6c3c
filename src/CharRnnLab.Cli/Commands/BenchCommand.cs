using System.CommandLine;
using CharRnnLab.Cli.Bench;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn bench: the machine's GEMM rate, then per case the engine's training speed against a bare
/// TorchSharp loop on the same data in the same process, batch-1 sampling, recording and memory;
/// every speed absolute and as a fraction of the GEMM rate. A benchmark, not a test.
/// </summary>
public sealed class BenchCommand : Command
{
    private readonly RunOptions _run = new(BenchSuite.DefaultRun,
        [RunSettings.Cell, RunSettings.Hidden, RunSettings.Layers, RunSettings.Embedding, RunSettings.Batch, RunSettings.Seq, RunSettings.Threads]);
    private readonly Option<string> _suite = Suite();
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print one JSON object instead of the table");
    private readonly Option<int> _iterations = ValueOptions.Whole("--iterations", "timed iterations per loop, after --warmup", 1, 1_000_000, 20);
    private readonly Option<int> _warmup = ValueOptions.Whole("--warmup", "untimed iterations before them", 1, 1000, 3);
    private readonly Option<int> _rounds = ValueOptions.Whole("--rounds", "alternate bare and engine loops N times; the best of each counts", 1, 100, 2);
    private readonly Option<string?> _corpus = ValueOptions.Text("--corpus", "text to train on (default: a generated English-like text)", "FILE");
    private readonly Option<int> _sampleLength = ValueOptions.Whole("--sample-length", "symbols generated to time sampling", 1, 1_000_000, 2000);
    private readonly Option<int> _recordChars = ValueOptions.Whole("--record-chars",
        "characters recorded (all layers, every kind) on random weights of each case's shape (0 = skip)", 0, 10_000_000, 100_000);
    private readonly Option<bool> _compareRecording = ValueOptions.Switch("--compare-recording",
        "also time the earlier tensor-operation recording path, alternating with the default one (best of --rounds each)");
    private readonly Option<bool> _profile = ValueOptions.Switch("--profile",
        "instead: where a training step's time goes, section by section, with the autograd step and the default one, " +
        "and products at the step's own shapes");
    private readonly Option<int> _gemmSize = ValueOptions.Whole("--gemm-size", "N of the N³ float32 matmul every figure is a fraction of",
        16, 8192, GemmBenchmark.DefaultSize);

    public BenchCommand() : base("bench",
        "Measure the GEMM rate, then training against a bare TorchSharp loop, sampling, recording and memory, each as a fraction of it.")
    {
        _run.AddTo(this);
        foreach (var option in new Option[] { _suite, _json, _iterations, _warmup, _rounds, _corpus, _sampleLength, _recordChars, _compareRecording, _profile, _gemmSize })
            Options.Add(option);
        SetAction((parse, _) => RunAsync(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    private static Option<string> Suite()
    {
        var option = new Option<string>("--suite")
        {
            Description = $"which configurations: {BenchSuite.Default} (2x512, batch 32, seq 100) or {BenchSuite.Post} " +
                          "(the post's 2x512 and 3x512 at batch 100, seq 100); model and minibatch options override every case",
            HelpName = "NAME",
            DefaultValueFactory = _ => BenchSuite.Default,
        };
        option.AcceptOnlyFromAmong(BenchSuite.Names);
        return option;
    }

    private async Task<int> RunAsync(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string suite = parse.GetValue(_suite)!;
        var cases = BenchSuite.Runs(suite).Select(run => BenchCase.Of(_run.ApplyTo(parse, run))).ToArray();
        var plan = new BenchPlan(parse.GetValue(_iterations), parse.GetValue(_warmup), parse.GetValue(_rounds),
            parse.GetValue(_sampleLength), parse.GetValue(_recordChars), parse.GetValue(_corpus), parse.GetValue(_compareRecording));
        using var lane = new ComputeLane(cases[0].Run.Training.Threads);

        stderr.WriteLine($"bench: float32 GEMM {parse.GetValue(_gemmSize)}³ on {lane.Threads} thread(s)…");
        var gemm = await GemmBenchmark.MeasureAsync(lane, parse.GetValue(_gemmSize));
        var runner = new CaseBenchmark(plan, lane, stderr);
        if (parse.GetValue(_profile))
        {
            var profiles = new List<CaseProfile>();
            foreach (var benchCase in cases) profiles.Add(await runner.ProfileAsync(benchCase));
            ProfileTable.Write(gemm, lane.Threads, profiles, stdout);
            return ExitCode.Ok;
        }
        var results = new List<CaseResult>();
        foreach (var benchCase in cases) results.Add(await runner.RunAsync(benchCase));

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var result = new BenchResult(suite, gemm, lane.Threads, plan.Iterations, plan.Warmup, plan.Rounds,
            plan.CorpusPath ?? "synthetic", results, process.PeakWorkingSet64);
        if (parse.GetValue(_json)) stdout.WriteLine(BenchJson.Write(result));
        else BenchTable.Write(result, stdout);
        return ExitCode.Ok;
    }
}
