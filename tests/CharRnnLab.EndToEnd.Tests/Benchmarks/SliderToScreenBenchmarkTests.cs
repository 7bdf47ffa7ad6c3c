using System.Diagnostics;
using CharRnnLab.Web.Sampling;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Benchmarks;

/// <summary>
/// From releasing the sampling panel's temperature slider to the new 500-character text painted,
/// timed in the page: the input's change event to the first frame after Blazor put the new text in.
/// Beside it, the same sample taken in-process (what the model itself costs). In the suite it runs
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

            var times = new List<double>();
            var inserted = new List<double>();
            foreach (string temperature in Temperatures.Take(Math.Max(1, size.Rounds)))
            {
                int version = int.Parse((await sampled.GetAttributeAsync("data-version"))!);
                await page.GetByTestId("temperature-slider").Locator("input[type=range]").FillAsync(temperature);
                await page.WaitForFunctionAsync("v => Number(document.querySelector('[data-testid=sampled-text]').dataset.version) > v && typeof window.__paintedAt === 'number'", version);
                await Expect(sampled).ToHaveAttributeAsync("data-temperature", new System.Text.RegularExpressions.Regex($"^{temperature}"));
                Assert.Equal(Length, await sampled.Locator("span[data-c]").CountAsync());
                times.Add(await page.EvaluateAsync<double>("() => window.__paintedAt - window.__releasedAt"));
                inserted.Add(await page.EvaluateAsync<double>("() => window.__insertedAt - window.__releasedAt"));
            }

            double model = await InProcessMillisecondsAsync(runId);
            string line = BenchSize.Write("slider-to-screen", FormattableString.Invariant(
                $"slider to screen {size.Label}, {Length} characters: release→painted median {Median(times):0} ms, max {times.Max():0} ms over {times.Count} (release→new text in the page median {Median(inserted):0} ms); the same sample in-process {model:0} ms"));
            output.WriteLine(line);
        });
    }

    /// <summary>Median milliseconds of the same sample taken straight from the lab's sample source.</summary>
    private async Task<double> InProcessMillisecondsAsync(string runId)
    {
        var source = fixture.Lab.Service<ISampleSource>();
        var times = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await source.SampleAsync(runId, 1.0, "", Length, 42 + i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Median(times);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
