using Xunit.Abstractions;

namespace CharRnnLab.Web.Tests.Benchmarks;

/// <summary>
/// Runs the sampling-overhead measurement. In the suite it runs small and checks only that both
/// phases trained and that the sampling phases drew about as many samples as their schedule demands
/// (timings are not asserted: speed belongs in benchmarks).
/// For real numbers:
/// <code>CHARRNN_BENCH_HIDDEN=128 CHARRNN_BENCH_PHASE_SECONDS=20 CHARRNN_BENCH_ROUNDS=3 \
///   dotnet test tests/CharRnnLab.Web.Tests --filter SamplingOverhead --logger "console;verbosity=detailed"</code>
/// The report is printed and written to TestResults/benchmarks/sampling-overhead.txt under the test output.
/// </summary>
public sealed class SamplingOverheadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SamplingOverhead_measures_training_with_and_without_sampling()
    {
        var result = await SamplingOverheadBenchmark.RunAsync(SamplingOverheadSettings.FromEnvironment());

        var report = result.ToString();
        output.WriteLine(report);
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "benchmarks");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "sampling-overhead.txt"), report + Environment.NewLine);

        Assert.True(result.BaselineIterationsPerSecond > 0, "training made no progress without sampling");
        Assert.True(result.SamplingIterationsPerSecond > 0, "training made no progress while sampling");
        double scheduled = result.ScheduledSamples; // late timers may halve it; 5% covers timers firing a little early
        Assert.InRange(result.Samples, Math.Ceiling(scheduled / 2), scheduled * 1.05 + result.Settings.Rounds);
    }
}
