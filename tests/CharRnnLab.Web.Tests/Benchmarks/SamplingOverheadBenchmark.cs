using System.Diagnostics;
using System.Globalization;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Benchmarks;

/// <summary>Settings of one measurement; <see cref="FromEnvironment"/> reads CHARRNN_BENCH_* variables.</summary>
public sealed record SamplingOverheadSettings(
    int Layers, int Hidden, int Batch, int Seq, double PhaseSeconds, int Rounds, int SampleEveryMs, int SampleLength,
    string Placement, int TrainingThreads)
{
    /// <summary>Defaults small enough for the test suite; the real measurement raises them, e.g.
    /// CHARRNN_BENCH_HIDDEN=128 CHARRNN_BENCH_PHASE_SECONDS=20 CHARRNN_BENCH_ROUNDS=3.</summary>
    public static SamplingOverheadSettings FromEnvironment() => new(
        Layers: Read("LAYERS", 2),
        Hidden: Read("HIDDEN", 32),
        Batch: Read("BATCH", 16),
        Seq: Read("SEQ", 32),
        PhaseSeconds: Read("PHASE_SECONDS", 1.5),
        Rounds: Read("ROUNDS", 1),
        SampleEveryMs: Read("SAMPLE_EVERY_MS", 500),
        SampleLength: Read("SAMPLE_LENGTH", 200),
        Placement: Read("PLACEMENT", "Auto"),
        TrainingThreads: Read("THREADS", 0));

    private static T Read<T>(string name, T fallback) where T : IParsable<T> =>
        Environment.GetEnvironmentVariable("CHARRNN_BENCH_" + name) is { Length: > 0 } text
            ? T.Parse(text, CultureInfo.InvariantCulture)
            : fallback;
}

/// <summary>
/// Iterations per second with and without sampling, what one sample cost, and how long the
/// sampling loops ran in all (<see cref="SamplingSeconds"/>).
/// </summary>
public sealed record SamplingOverheadResult(
    SamplingOverheadSettings Settings, double BaselineIterationsPerSecond, double SamplingIterationsPerSecond,
    int Samples, double MeanSampleMilliseconds, double SamplingSeconds, bool OnLane)
{
    public double SlowdownPercent => 100 * (1 - SamplingIterationsPerSecond / BaselineIterationsPerSecond);

    /// <summary>
    /// Samples the schedule fits into <see cref="SamplingSeconds"/>: one every sample's cost plus
    /// <see cref="SamplingOverheadSettings.SampleEveryMs"/>. Each sampling phase can add at most one
    /// more (its last wait is cut short), and late timers can only make it fewer.
    /// </summary>
    public double ScheduledSamples => SamplingSeconds * 1000 / (Settings.SampleEveryMs + MeanSampleMilliseconds);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"model {Settings.Layers}x{Settings.Hidden} LSTM, batch {Settings.Batch}, seq {Settings.Seq}; " +
        $"{Settings.Rounds} round(s) of {Settings.PhaseSeconds:0.#} s per phase; a {Settings.SampleLength}-char sample every {Settings.SampleEveryMs} ms\n" +
        $"training threads {(Settings.TrainingThreads == 0 ? "auto" : Settings.TrainingThreads)} on {Environment.ProcessorCount} cores; sampling placement {Settings.Placement} ({(OnLane ? "on the compute lane" : "on a thread-pool thread")})\n" +
        $"training alone:        {BaselineIterationsPerSecond:0.0} it/s\n" +
        $"training + sampling:   {SamplingIterationsPerSecond:0.0} it/s ({Samples} samples in {SamplingSeconds:0.0} s, {MeanSampleMilliseconds:0} ms each on average)\n" +
        $"slowdown:              {SlowdownPercent:0.0}%");
}

/// <summary>
/// Measures how much sampling from a live run (what the temperature slider does) slows its
/// training, in the real lab: one run trains while phases alternate between no sampling and a
/// sample every <see cref="SamplingOverheadSettings.SampleEveryMs"/> ms through the same
/// <see cref="RunSampler"/> the pages and the hub use.
/// </summary>
public static class SamplingOverheadBenchmark
{
    public static async Task<SamplingOverheadResult> RunAsync(SamplingOverheadSettings settings)
    {
        await using var lab = await LabHost.StartAsync(settings:
            [("Lab:TrainingThreads", settings.TrainingThreads.ToString(CultureInfo.InvariantCulture)), ("Lab:SamplingPlacement", settings.Placement)]);
        var runs = lab.Service<RunManager>();
        var sampler = lab.Service<RunSampler>();
        var run = await runs.StartAsync(new StartRunRequest
        {
            CorpusId = "dialogue", Layers = settings.Layers, Hidden = settings.Hidden, Batch = settings.Batch, Seq = settings.Seq,
            Iterations = 10_000_000, EvalEvery = 1_000_000, SampleEvery = 1_000_000, CheckpointEvery = 1_000_000,
        });
        try
        {
            await MeasureAsync(runs, run.Id, TimeSpan.FromSeconds(settings.PhaseSeconds), null); // warm-up
            double baseline = 0, sampling = 0;
            var log = new SampleLog();
            for (int round = 0; round < settings.Rounds; round++)
            {
                baseline += await MeasureAsync(runs, run.Id, TimeSpan.FromSeconds(settings.PhaseSeconds), null);
                sampling += await MeasureAsync(runs, run.Id, TimeSpan.FromSeconds(settings.PhaseSeconds),
                    ct => SampleRepeatedlyAsync(sampler, run.Id, settings, log, ct));
            }
            return new SamplingOverheadResult(settings, baseline / settings.Rounds, sampling / settings.Rounds,
                log.Costs.Count, log.Costs.Count > 0 ? log.Costs.Average() : 0, log.Elapsed.TotalSeconds, sampler.OnLane);
        }
        finally
        {
            runs.Stop(run.Id);
        }
    }

    /// <summary>Iterations per second over <paramref name="duration"/>, with <paramref name="load"/> running meanwhile.</summary>
    private static async Task<double> MeasureAsync(RunManager runs, string runId, TimeSpan duration, Func<CancellationToken, Task>? load)
    {
        using var stop = new CancellationTokenSource();
        var loadTask = load?.Invoke(stop.Token) ?? Task.CompletedTask;
        int first = await IterationAsync(runs, runId);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        int last = await IterationAsync(runs, runId);
        double seconds = clock.Elapsed.TotalSeconds;
        stop.Cancel();
        await loadTask;
        return (last - first) / seconds;
    }

    /// <summary>The session's own iteration counter, read between iterations.</summary>
    private static Task<int> IterationAsync(RunManager runs, string runId) =>
        runs.Lane.Run(() => runs.Live(runId)!.Session.Iteration);

    private static async Task SampleRepeatedlyAsync(RunSampler sampler, string runId, SamplingOverheadSettings settings,
        SampleLog log, CancellationToken cancellationToken)
    {
        var loop = Stopwatch.StartNew();
        int n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            await sampler.SampleAsync(runId, 0.5 + (n++ % 10) * 0.1, "", settings.SampleLength, 42);
            log.Costs.Add(clock.Elapsed.TotalMilliseconds);
            try { await Task.Delay(settings.SampleEveryMs, cancellationToken); }
            catch (OperationCanceledException) { }
        }
        log.Elapsed += loop.Elapsed;
    }

    /// <summary>What the sampling phases did: each sample's cost in ms and the time their loops ran.</summary>
    private sealed class SampleLog
    {
        public List<double> Costs { get; } = [];
        public TimeSpan Elapsed { get; set; }
    }
}
