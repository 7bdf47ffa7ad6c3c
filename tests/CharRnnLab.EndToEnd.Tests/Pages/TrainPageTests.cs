using CharRnnLab.Web.Runs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>The whole loop in a real browser: start a tiny run, watch it, play with temperature, reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrainPageTests(LabBrowserFixture fixture)
{
    [Fact]
    public async Task A_tiny_run_streams_to_the_chart_and_samples_resample_and_survive_a_reload()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await fixture.ScreenshotOnFailureAsync(page, "train-page", () => TrainWatchSampleReloadAsync(page));
        }
        finally
        {
            // The run is long on purpose; if a step fails before "stop", the shared lab must not stay
            // busy, or the later browser tests fail with "already training" and hide this failure.
            var runs = fixture.Lab.Service<RunManager>();
            if (runs.Active is { } active)
            {
                runs.Stop(active.Id);
                await Poll.UntilAsync(() => runs.Active is null, "the long run to stop", intervalMs: 50);
            }
        }
    }

    private async Task TrainWatchSampleReloadAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("hyperparameter-form")).ToBeVisibleAsync();

        await page.GetByTestId("preset-tiny").ClickAsync();
        await SetFieldAsync(page, "layers", "1");
        await SetFieldAsync(page, "hidden", "16");
        await SetFieldAsync(page, "batch", "4");
        await SetFieldAsync(page, "seq", "16");
        await SetFieldAsync(page, "iterations", "100000");
        await SetFieldAsync(page, "sampleEvery", "10");
        await SetFieldAsync(page, "sampleLength", "60");
        var runs = fixture.Lab.Service<RunManager>();
        var earlier = runs.List().Select(r => r.Id).ToHashSet();
        await page.GetByTestId("start-run").ClickAsync();

        // The page may still show an earlier test's finished run: read the id of the run this click started.
        await Poll.UntilAsync(() => runs.Active is { } a && !earlier.Contains(a.Id), "the started run to be active", intervalMs: 50);
        string runId = runs.Active!.Id;
        var runView = page.GetByTestId("run-view");
        await Expect(runView).ToHaveAttributeAsync("data-run-id", runId);

        // The Plotly chart itself (in the browser) receives points through extendTraces.
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('[data-testid=loss-chart] .js-plotly-plot'); return p && p.data && p.data[0].x.length >= 3; }");
        await Expect(page.GetByTestId("sample-entry").First).ToBeVisibleAsync();

        var sampled = page.GetByTestId("sampled-text");
        await Expect(sampled).ToBeVisibleAsync();
        string before = await sampled.InnerTextAsync();
        int version = int.Parse((await sampled.GetAttributeAsync("data-version"))!);
        await page.GetByTestId("temperature-slider").Locator("input[type=range]").FillAsync("1.9");
        await page.WaitForFunctionAsync(
            "v => Number(document.querySelector('[data-testid=sampled-text]').dataset.version) > v", version);
        await Expect(page.GetByTestId("temperature-value")).ToHaveTextAsync("1.90");
        Assert.NotEqual(before, await sampled.InnerTextAsync());

        await sampled.Locator("span[data-c]").Nth(3).HoverAsync();
        await Expect(page.GetByTestId("candidate-tooltip")).ToContainTextAsync("%");

        await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "train-page.png"), FullPage = true });

        await page.ReloadAsync();
        await Expect(page.GetByTestId("run-view")).ToHaveAttributeAsync("data-run-id", runId);
        await Expect(page.GetByTestId("sample-entry").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('[data-testid=loss-chart] .js-plotly-plot'); return p && p.data && p.data[0].x.length >= 3; }");
        await Expect(page.GetByTestId("run-state")).ToHaveTextAsync("running");

        await page.GetByTestId("stop-run").ClickAsync();
        await Expect(page.GetByTestId("run-state")).ToHaveTextAsync("cancelled");
        await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "train-page-stopped.png"), FullPage = true });
        Assert.Equal("cancelled", fixture.Lab.Service<RunManager>().Get(runId).State.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task The_first_visit_offers_the_bundled_corpora_without_any_download()
    {
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "first-visit", async () =>
        {
            await page.GotoAsync("/");
            await Expect(page.GetByTestId("corpus-select")).ToContainTextAsync("(bundled)");
            await page.GetByTestId("corpus-select").ClickAsync();
            foreach (var name in new[] { "Dialogue prose", "Wiki markup", "C-like code", "Mixed" })
                await Expect(page.Locator(".mud-popover-open .mud-list-item", new() { HasText = name }).First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "first-visit.png") });
        });
    }

    private static async Task SetFieldAsync(IPage page, string field, string value)
    {
        var input = page.GetByTestId($"field-{field}").Locator("input");
        await input.FillAsync(value);
        await input.BlurAsync();
    }
}
