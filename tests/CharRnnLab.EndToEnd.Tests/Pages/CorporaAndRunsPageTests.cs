using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class CorporaAndRunsPageTests(LabBrowserFixture fixture)
{
    [Fact]
    public async Task The_corpora_page_previews_bundled_corpora_and_takes_uploads_refusing_binary_files()
    {
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "corpora-page", async () =>
        {
            await page.GotoAsync("/corpora");
            await page.Locator("[data-testid=corpus-row][data-corpus-id=dialogue]").ClickAsync();
            await Expect(page.GetByTestId("corpus-stats")).ToContainTextAsync("vocabulary of");

            var upload = page.GetByTestId("corpus-upload").Locator("input[type=file]");
            await upload.SetInputFilesAsync(new FilePayload { Name = "my-notes.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(TestCorpus.Text(3000)) });
            await Expect(page.Locator("[data-testid=corpus-row][data-corpus-id=upload-my-notes]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("corpus-preview")).ToContainTextAsync("my-notes");

            int rows = await page.GetByTestId("corpus-row").CountAsync();
            await upload.SetInputFilesAsync(new FilePayload { Name = "image.txt", MimeType = "text/plain", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01] });
            await Expect(page.Locator(".mud-snackbar.mud-alert-filled-error")).ToContainTextAsync("NUL byte");
            Assert.Equal(rows, await page.GetByTestId("corpus-row").CountAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "corpora-page.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task A_stopped_run_is_listed_and_its_page_shows_chart_samples_and_samples_from_its_checkpoint()
    {
        var runs = fixture.Lab.Service<RunManager>();
        var run = await runs.StartAsync(LabHost.TinyRun(fixture.CorpusId) with { Name = "listed run" });
        await Poll.UntilAsync(() => runs.Get(run.Id).Iteration >= 30, "30 iterations", intervalMs: 50);
        runs.Stop(run.Id);
        await Poll.UntilAsync(() => runs.Get(run.Id).State == RunState.Cancelled && runs.Active is null, "the run to stop", intervalMs: 50);

        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "runs-page", async () =>
        {
            await page.GotoAsync("/runs");
            var row = page.Locator($"[data-testid=run-row][data-run-id='{run.Id}']");
            await Expect(row).ToContainTextAsync("listed run");
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "runs-page.png"), FullPage = true });
            await row.ClickAsync();

            await Expect(page.GetByTestId("run-state")).ToHaveTextAsync("cancelled");
            await page.WaitForFunctionAsync("() => { const p = document.querySelector('[data-testid=loss-chart] .js-plotly-plot'); return p && p.data && p.data[0].x.length >= 10; }");
            await Expect(page.GetByTestId("sample-entry").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("sampled-text")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("resume-run")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "run-page.png"), FullPage = true });
        });
    }
}
