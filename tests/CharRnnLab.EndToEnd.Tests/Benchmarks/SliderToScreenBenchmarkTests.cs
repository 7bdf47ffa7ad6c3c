using System.Diagnostics;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Benchmarks;

/// <summary>
/// From releasing the sampling panel's temperature slider to the new 500-character text painted,
/// timed in the page: the input's change event to the first frame after Blazor put the new text in.
/// Two cases, reported apart: cold (the samples prepared ahead dropped before each release, so the release
/// samples) and prepared (the grid around the last release sampled ahead, <see cref="SampleAhead"/>, as a user
/// who pauses between moves gets). Beside them, the same sample taken in-process, both ways. In the suite it runs
/// small and asserts that every release brought a new text at that temperature; for the figures:
/// <code>CHARRNN_BENCH_HIDDEN=512 CHARRNN_BROWSER_CPUS=1 taskset -c 0 dotnet test tests/CharRnnLab.EndToEnd.Tests \
///   --filter SliderToScreenBenchmark --logger "console;verbosity=detailed"</code>
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SliderToScreenBenchmarkTests(LabBrowserFixture fixture, ITestOutputHelper output)
{
    private const int Length = 500;
    private const string Sampled = "[data-testid=sampled-text]";
    private static readonly string[] Temperatures = ["1.5", "0.6", "1.2", "0.8", "1.9", "0.4", "1.1"];

    // Notes the release (the range input's change) and the first frame after the text's data-version changes.
    private const string Watch = """
        () => {
            const version = () => document.querySelector('[data-testid=sampled-text]')?.dataset.version;
            const input = document.querySelector('[data-testid=temperature-slider] input[type=range]');
            input.addEventListener('change', () => {
                window.__releasedAt = performance.now();
                window.__paintedAt = undefined;
                window.__releasedVersion = version();
            }, { capture: true });
            new MutationObserver(() => {
                if (window.__releasedAt === undefined || window.__paintedAt !== undefined || version() === window.__releasedVersion) return;
                window.__paintedAt = null; // the new text is in; the frame that shows it follows
                window.__insertedAt = performance.now();
                requestAnimationFrame(() => setTimeout(() => { window.__paintedAt = performance.now(); }));
            }).observe(document.querySelector('[data-testid=sampling-panel]'), { subtree: true, childList: true, attributes: true });
        }
        """;

    [Fact]
    public async Task SliderToScreenBenchmark_times_release_to_a_painted_500_character_sample()
    {
        var size = BenchSize.FromEnvironment();
        string runId = await size.TrainRunAsync(fixture);
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "slider-benchmark", async () =>
        {
            await page.GotoAsync($"/runs/{runId}");
            var sampled = page.Locator(Sampled);
            await Expect(sampled).ToBeVisibleAsync(new() { Timeout = 120_000 });
            var length = page.GetByTestId("length-input"); // MudNumericField puts the test id on its input
            await length.FillAsync(Length.ToString());
            await length.BlurAsync();
            await Expect(page.GetByTestId("sampled-caption")).ToContainTextAsync($"{Length} characters");
            await Expect(page.GetByTestId("temperature-slider")).ToHaveAttributeAsync("data-release-watched", "1");
            await page.EvaluateAsync(Watch);

            var ahead = fixture.Lab.Service<SampleAhead>();
            var rounds = Temperatures.Take(Math.Max(1, size.Rounds)).ToArray();
            var cold = new Timings();
            foreach (string temperature in rounds)
            {
                ahead.Clear(); // nothing prepared: the release samples
                cold.Add(await ReleaseAsync(page, temperature));
            }
            await ahead.Preparing.WaitAsync(TimeSpan.FromSeconds(300)); // the last release's grid, sampled ahead
            var warm = new Timings();
            foreach (string temperature in Temperatures.Where(t => t != rounds[^1]).Take(rounds.Length)) warm.Add(await ReleaseAsync(page, temperature));

            var model = await InProcessMillisecondsAsync(runId);
            string line = BenchSize.Write("slider-to-screen", FormattableString.Invariant(
                $"slider to screen {size.Label}, {Length} characters: cold (nothing prepared) release→painted {cold}; prepared ahead release→painted {warm}; the same sample in-process: cold {model.Cold:0} ms, prepared {model.Prepared:0.0} ms"));
            output.WriteLine(line);
        });
    }

    /// <summary>Moves the slider to <paramref name="temperature"/> and releases it; returns release→painted and release→new text in the page (ms).</summary>
    private async Task<(double Painted, double Inserted)> ReleaseAsync(IPage page, string temperature)
    {
        var sampled = page.Locator(Sampled);
        int version = int.Parse((await sampled.GetAttributeAsync("data-version"))!);
        await page.GetByTestId("temperature-slider").Locator("input[type=range]").FillAsync(temperature);
        await page.WaitForFunctionAsync("v => Number(document.querySelector('[data-testid=sampled-text]').dataset.version) > v && typeof window.__paintedAt === 'number'", version);
        await Expect(sampled).ToHaveAttributeAsync("data-temperature", new System.Text.RegularExpressions.Regex($"^{temperature}"));
        Assert.Equal(Length, await sampled.Locator("span[data-c]").CountAsync());
        return (await page.EvaluateAsync<double>("() => window.__paintedAt - window.__releasedAt"),
            await page.EvaluateAsync<double>("() => window.__insertedAt - window.__releasedAt"));
    }

    /// <summary>Release→painted and release→inserted times of one case, reported as medians and the worst.</summary>
    private sealed class Timings
    {
        private readonly List<double> _painted = [], _inserted = [];

        public void Add((double Painted, double Inserted) release)
        {
            _painted.Add(release.Painted);
            _inserted.Add(release.Inserted);
        }

        public override string ToString() => FormattableString.Invariant(
            $"median {Median(_painted):0} ms, max {_painted.Max():0} ms over {_painted.Count} (release→new text in the page median {Median(_inserted):0} ms)");
    }

    /// <summary>Median milliseconds of the same sample taken straight from the lab's sample source: with nothing
    /// prepared, and once the grid around it was sampled ahead.</summary>
    private async Task<(double Cold, double Prepared)> InProcessMillisecondsAsync(string runId)
    {
        var source = fixture.Lab.Service<ISampleSource>();
        var ahead = fixture.Lab.Service<SampleAhead>();
        List<double> cold = [], prepared = [];
        for (int i = 0; i < 3; i++)
        {
            ahead.Clear();
            cold.Add(await MillisecondsAsync(() => source.SampleAsync(runId, 1.0, "", Length, 42 + i)));
            await ahead.Preparing.WaitAsync(TimeSpan.FromSeconds(300));
            prepared.Add(await MillisecondsAsync(() => source.SampleAsync(runId, 1.05, "", Length, 42 + i)));
        }
        return (Median(cold), Median(prepared));
    }

    private static async Task<double> MillisecondsAsync(Func<Task> sample)
    {
        var clock = Stopwatch.StartNew();
        await sample();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
