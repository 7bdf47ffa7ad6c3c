using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class ComparePageTests(LabBrowserFixture fixture)
{
    private async Task<string> TrainAsync(string cell)
    {
        var runs = fixture.Lab.Service<RunManager>();
        var run = await runs.StartAsync(LabHost.TinyRun(fixture.CorpusId, iterations: 20) with { Cell = cell, Name = $"compared {cell}" });
        await Poll.UntilAsync(() => runs.Get(run.Id).State == RunState.Completed && runs.Active is null, $"the {cell} run to finish", intervalMs: 50);
        return run.Id;
    }

    // JS: t = the chart's run traces, without the n-gram reference lines drawn after them (data-references counts those).
    private const string RunTraces = "const c = document.querySelector('[data-testid=compare-chart]'); const p = c && c.querySelector('.js-plotly-plot'); " +
        "const t = p && p.data && p.data.slice(0, p.data.length - Number(c.dataset.references));";

    [Fact]
    public async Task Runs_ticked_on_the_runs_page_open_side_by_side_and_the_axis_can_be_characters_seen()
    {
        var ids = new[] { await TrainAsync("gru"), await TrainAsync("rnn") };
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "compare-page", async () =>
        {
            await page.GotoAsync("/runs");
            foreach (var id in ids) await page.Locator($"input[data-select-run='{id}']").CheckAsync();
            await page.GetByTestId("compare-button").ClickAsync();

            await Expect(page.GetByTestId("compare-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("compare-cell")).ToHaveTextAsync(["RNN", "GRU"]); // the Runs page's order: newest first
            // Two traces per run (smoothed loss, validation), then one dashed line per corpus whose n-gram reference is known.
            await page.WaitForFunctionAsync($"() => {{ {RunTraces} return t && t.length === 4 && t[0].x.length >= 10; }}");

            await page.GetByText("characters seen").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("x=chars"));
            // A new axis draws a new chart: its data may be missing for a moment.
            await page.WaitForFunctionAsync("() => { const p = document.querySelector('[data-testid=compare-chart] .js-plotly-plot'); return p && p.data && p.data[0] && p.data[0].x[p.data[0].x.length - 1] === 20 * 4 * 16; }");
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "compare-page.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task The_three_cell_preset_queues_three_runs_that_train_one_after_another_and_compare_as_three_curves()
    {
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "queue-preset", async () =>
        {
            await page.GotoAsync("/runs");
            await page.GetByTestId("queue-corpus-select").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "structured-sentences" }).First.ClickAsync();
            foreach (var (field, value) in new[] { ("layers", "1"), ("hidden", "16"), ("iterations", "30") })
                await page.GetByTestId($"queue-field-{field}").Locator("input").FillAsync(value);
            await Expect(page.GetByTestId("queue-plan-row")).ToHaveCountAsync(3);
            await Expect(page.GetByTestId("queue-plan-hidden").First).ToHaveTextAsync("16");
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "queue-preset.png"), FullPage = true });

            await page.GetByTestId("queue-enqueue").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compare\\?queued="));

            // The queue advances: every entry starts in turn, then the address names the three runs.
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compare\\?runs=[^&]+,[^&]+,[^&]+$"), new() { Timeout = 120_000 });
            await Expect(page.GetByTestId("compare-cell")).ToHaveTextAsync(["LSTM", "GRU", "RNN"]);
            var runs = fixture.Lab.Service<RunManager>();
            await Poll.UntilAsync(() => runs.Active is null && runs.List().Take(3).All(r => r.State == RunState.Completed), "the three runs to finish", seconds: 120, intervalMs: 100);
            await page.WaitForFunctionAsync($"() => {{ {RunTraces} return t && t.length === 6 && t.every(r => r.x) && t.filter((r, i) => i % 2 === 0).every(r => r.x[r.x.length - 1] === 30); }}",
                null, new() { Timeout = 60_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "compare-three-cells.png"), FullPage = true });
        });
    }
}
