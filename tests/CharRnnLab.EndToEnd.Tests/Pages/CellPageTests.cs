using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Neurons;
using Microsoft.Playwright;
using static CharRnnLab.EndToEnd.Tests.Fixtures.NeuronsPageDriver;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>A cell's own page in a real browser, opened from a Neurons chip: its peaks, its clamp's effect, and "clamp this".</summary>
[Collection(BrowserCollection.Name)]
public sealed class CellPageTests(LabBrowserFixture fixture)
{
    [Fact]
    public async Task A_chip_opens_its_cells_page_whose_clamp_this_opens_the_sampling_panel_with_both_continuations()
    {
        string runId = await TrainTinyRunAsync(fixture);
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "cell-page", async () =>
        {
            await OpenAsync(page, runId);
            string recordingId = (await page.Locator(Text).GetAttributeAsync("data-recording"))!;
            var link = page.GetByTestId("feature-chip-page").First;
            string cell = (await link.GetAttributeAsync("data-cell"))!;

            await link.ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/runs/{runId}/cells/{cell}$"));
            await Expect(page.GetByTestId("cell-page")).ToHaveAttributeAsync("data-recording", recordingId); // the Neurons page's recording, not a new one
            await Expect(page.GetByTestId("cell-snippet")).ToHaveCountAsync(20);                         // 10 highest, 10 lowest
            string[] parts = cell.Split('/');
            var id = CellLabels.ParseDataCell(int.Parse(parts[0]), parts[1], int.Parse(parts[2]))!.Value;
            var profile = CellProfiler.Compute(fixture.Lab.Service<NeuronLab>().Find(recordingId)!.Recording, id, FeatureTracks.All);
            await Expect(page.GetByTestId("clamp-this")).ToHaveAttributeAsync("href", CellLinks.Clamp(runId, profile.ClampHigh));
            await Expect(page.GetByTestId("cell-snippet").First.Locator(".peak")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("clamp-rise").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "cell-page.png"), FullPage = true });

            // "clamp this" opens the run's sampling panel with the clamp set: both continuations side by side.
            await page.GetByTestId("clamp-this").ClickAsync();
            await Expect(page.GetByTestId("edit-chip")).ToHaveAttributeAsync("data-edit", InterventionSyntax.FormatEdit(profile.ClampHigh));
            await Expect(page.GetByTestId("unedited-text")).Not.ToBeEmptyAsync(new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("edited-text")).Not.ToBeEmptyAsync();
            string divergence = (await page.GetByTestId("paired-sample").GetAttributeAsync("data-first-divergence"))!;
            int marked = divergence == "none" ? 0 : 1;
            await Expect(page.GetByTestId("unedited-text").Locator("span.diverged")).ToHaveCountAsync(marked);
            await Expect(page.GetByTestId("edited-text").Locator("span.diverged")).ToHaveCountAsync(marked);
        });
    }
}
