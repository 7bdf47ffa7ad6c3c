using System.Globalization;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.EndToEnd.Tests.Fixtures;

/// <summary>
/// The model size of the browser benchmarks: small in the suite (they then only check that what they
/// time works), the post's size when asked: CHARRNN_BENCH_LAYERS=2 CHARRNN_BENCH_HIDDEN=512.
/// </summary>
public sealed record BenchSize(int Layers, int Hidden, int Rounds)
{
    public static BenchSize FromEnvironment() => new(Read("LAYERS", 2), Read("HIDDEN", 24), Read("ROUNDS", 5));

    public string Label => $"{Layers}×{Hidden}";

    /// <summary>A run of this size with (nearly) random weights: a few iterations are enough for timing.</summary>
    public async Task<string> TrainRunAsync(LabBrowserFixture fixture)
    {
        var runs = fixture.Lab.Service<RunManager>();
        string name = $"bench {Label}";
        if (runs.List().FirstOrDefault(r => r.Name == name && r.State == Web.Contracts.RunState.Completed) is { } existing) return existing.Id;
        var run = await runs.StartAsync(LabHost.TinyRun(fixture.CorpusId, iterations: 2) with { Name = name, Layers = Layers, Hidden = Hidden });
        await Poll.UntilAsync(() => runs.Get(run.Id).State == Web.Contracts.RunState.Completed, $"the {Label} run to train", seconds: 300, intervalMs: 100);
        return run.Id;
    }

    /// <summary>Writes the report under the test output (TestResults/benchmarks/{name}.txt) and returns the line.</summary>
    public static string Write(string name, string line)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "benchmarks");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), line + Environment.NewLine);
        return line;
    }

    private static int Read(string name, int fallback) =>
        Environment.GetEnvironmentVariable("CHARRNN_BENCH_" + name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
