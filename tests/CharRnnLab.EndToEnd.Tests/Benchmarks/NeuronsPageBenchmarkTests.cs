using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Benchmarks;

/// <summary>
/// The Neurons page's first paint and recolour over a 10,000-character text, timed in the page
/// (window.__neuronsTiming). In the suite it runs at a small size and asserts only that each timed
/// step did its work; for the figures in README's "Measured here":
/// <code>CHARRNN_BENCH_HIDDEN=512 CHARRNN_BROWSER_CPUS=1 taskset -c 0 dotnet test tests/CharRnnLab.EndToEnd.Tests \
///   --filter NeuronsPageBenchmark --logger "console;verbosity=detailed"</code>
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NeuronsPageBenchmarkTests(LabBrowserFixture fixture, ITestOutputHelper output)
{
    private const string Text = "[data-testid=neuron-text]";

    // How long this loaded machine takes to show a frame with nothing to do: the floor under click→painted.
    private const string NextFrame = "() => new Promise(done => { const t = performance.now(); requestAnimationFrame(() => setTimeout(() => done(performance.now() - t))); })";

    [Fact]
    public async Task NeuronsPageBenchmark_times_the_first_paint_and_recolours_of_10000_characters()
    {
        var size = BenchSize.FromEnvironment();
        string runId = await size.TrainRunAsync(fixture);
        var page = await fixture.NewPageAsync();
        await page.AddInitScriptAsync("window.__neuronsTiming = []");
        await fixture.ScreenshotOnFailureAsync(page, "neurons-benchmark", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 300_000 });
            var load = await EntryAsync(page, "load", 0);
            Assert.Equal(10_000, await page.EvaluateAsync<int>("() => window.__neuronsTiming.find(t => t.event === 'load').characters"));

            string phases = await page.EvaluateAsync<string>("() => JSON.stringify(window.__neuronsTiming.find(t => t.event === 'load').phases)");
            // The browser's own account of each click (Event Timing): waiting for the main thread, handlers, then rendering.
            await page.EvaluateAsync("() => { window.__clicks = []; new PerformanceObserver(list => window.__clicks.push(...list.getEntries().filter(e => e.name === 'click').map(e => [e.processingStart - e.startTime, e.processingEnd - e.processingStart, e.startTime + e.duration - e.processingEnd]))).observe({ type: 'event', durationThreshold: 16, buffered: false }); }");
            var recolours = new List<double>();
            for (int round = 0; round < size.Rounds; round++)
            {
                string before = (await page.Locator(Text).GetAttributeAsync("data-selected"))!;
                int painted = await CountAsync(page, "recolour-painted");
                await page.Locator("[data-testid=picker-cell]:not(.selected)").Nth(7 * round + 3).ClickAsync();
                var entry = await EntryAsync(page, "recolour-painted", painted);
                Assert.NotEqual(before, entry.Cell);
                await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-selected", entry.Cell);
                recolours.Add(entry.Ms);
            }
            var frames = new List<double>();
            for (int round = 0; round < size.Rounds; round++) frames.Add(await page.EvaluateAsync<double>(NextFrame));
            var keys = new List<double>();
            for (int round = 0; round < size.Rounds; round++)
            {
                int painted = await CountAsync(page, "recolour-painted");
                await page.Keyboard.PressAsync("j");
                keys.Add((await EntryAsync(page, "recolour-painted", painted)).Ms);
            }
            var clicks = await page.EvaluateAsync<double[][]>("() => window.__clicks");
            string split = clicks.Length == 0 ? "" : FormattableString.Invariant(
                $"; Event Timing median: input delay {Median(clicks.Select(c => c[0]).ToList()):0} ms, handlers {Median(clicks.Select(c => c[1]).ToList()):0} ms, rendering {Median(clicks.Select(c => c[2]).ToList()):0} ms");
            var drawing = await page.EvaluateAsync<double[]>("() => window.__neuronsTiming.filter(t => t.event === 'recolour').slice(1).map(t => t.ms)");

            string line = BenchSize.Write("neurons-page",
                FormattableString.Invariant($"neurons page {size.Label}, 10,000 characters: first paint {load.Ms:0} ms after the recording arrived ({load.At:0} ms after navigation; phases {phases}); ") +
                FormattableString.Invariant($"recolour key j→painted median {Median(keys):0.0} ms, max {keys.Max():0.0} ms; click→painted median {Median(recolours):0.0} ms, max {recolours.Max():0.0} ms over {recolours.Count} (of it, table + drawing median {Median(drawing):0.0} ms; an idle frame here takes {Median(frames):0.0} ms)") + split);
            output.WriteLine(line);
        });
    }

    // Playwright fills it by property name from the page's { ms, at, cell }.
    private sealed class Entry
    {
        public double Ms { get; set; }
        public double At { get; set; }
        public string Cell { get; set; } = "";
    }

    private static async Task<int> CountAsync(IPage page, string name) =>
        await page.EvaluateAsync<int>("n => window.__neuronsTiming.filter(t => t.event === n).length", name);

    /// <summary>The entry of that event after the first <paramref name="skip"/>, once it is there.</summary>
    private static async Task<Entry> EntryAsync(IPage page, string name, int skip)
    {
        await page.WaitForFunctionAsync("([n, k]) => window.__neuronsTiming.filter(t => t.event === n).length > k", new object[] { name, skip });
        return await page.EvaluateAsync<Entry>("([n, k]) => { const t = window.__neuronsTiming.filter(t => t.event === n)[k]; return { ms: t.ms, at: t.at, cell: t.cell ?? '' }; }",
            new object[] { name, skip });
    }

    private static double Median(IReadOnlyCollection<double> values) => values.Order().ElementAt(values.Count / 2);
}
