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
            await page.WaitForFunctionAsync("() => { const p = document.querySelector('[data-testid=compare-chart] .js-plotly-plot'); return p && p.data && p.data.length === 4 && p.data[0].x.length >= 10; }");

            await page.GetByText("characters seen").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("x=chars"));
            await page.WaitForFunctionAsync("() => { const p = document.querySelector('[data-testid=compare-chart] .js-plotly-plot'); return p && p.data[0].x[p.data[0].x.length - 1] === 20 * 4 * 16; }");
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "compare-page.png"), FullPage = true });
        });
    }
}
