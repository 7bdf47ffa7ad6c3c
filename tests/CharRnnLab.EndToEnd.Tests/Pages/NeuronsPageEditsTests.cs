using Microsoft.Playwright;
using static CharRnnLab.EndToEnd.Tests.Fixtures.NeuronsPageDriver;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>The Neurons page in a real browser: its one list of edits, sampled and recorded under, and the ablation ranking.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NeuronsPageEditsTests(LabBrowserFixture fixture)
{
    [Fact]
    public async Task An_edit_made_by_hand_is_sampled_under_and_recorded_under_and_ablation_ranks_units_beside_their_correlation()
    {
        string runId = await TrainTinyRunAsync(fixture);
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-edits", async () =>
        {
            await OpenAsync(page, runId);
            var cellColours = await ColoursAsync(page, 0, 200);

            await Expect(page.GetByTestId("intervention-editor")).ToHaveCountAsync(1); // one list of edits on the page
            var editor = page.GetByTestId("neurons-edits");
            await editor.GetByTestId("edit-kind").SelectOptionAsync("h");
            await editor.GetByTestId("edit-unit").FillAsync("3");
            await editor.GetByTestId("edit-action").SelectOptionAsync("Ablate");
            await editor.GetByTestId("edit-from").FillAsync("100");
            await editor.GetByTestId("edit-from").PressAsync("Tab");
            await editor.GetByTestId("edit-add").ClickAsync();
            await Expect(editor.GetByTestId("edit-chip")).ToHaveAttributeAsync("data-edit", "ablate:1:h:3@100");
            await Expect(page.GetByTestId("neurons-sampling").GetByTestId("paired-edited")).ToContainTextAsync("ablate 1:h:3@100", new() { Timeout = 60_000 });
            await page.GetByTestId("effect-record").ClickAsync();
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-overlay", "change in log p", new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("overlay-legend")).ToContainTextAsync("under ablate 1:h:3@100");
            await Expect(page.Locator("[data-testid=effect-class][data-feature=all]")).ToContainTextAsync("9,999");
            var changed = await ColoursAsync(page, 0, 200);
            Assert.All(changed[..101], c => Assert.Equal("255,255,255", c)); // nothing changes before the edit's FROM (character 101 is its first prediction)
            Assert.NotEqual(cellColours, changed);

            await page.GetByTestId("ablation-rank").ClickAsync();
            await Expect(page.GetByTestId("cause-row")).ToHaveCountAsync(15, new() { Timeout = 120_000 });
            await Expect(page.GetByTestId("correlation-row")).ToHaveCountAsync(15);
            var chip = page.Locator("[data-testid=cause-row] .unit-chip").First;
            string cell = (await chip.GetAttributeAsync("data-cell"))!;
            await chip.ClickAsync();
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-selected", cell);
            await page.WaitForFunctionAsync($"() => document.querySelector('{Text}').dataset.overlay === undefined");
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "neurons-edits.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task Clamping_the_selected_cell_shows_both_continuations_under_the_text_and_records_under_the_same_clamp()
    {
        string runId = await TrainTinyRunAsync(fixture);
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-clamp", async () =>
        {
            await OpenAsync(page, runId);
            var (edits, sampling) = (page.GetByTestId("neurons-edits"), page.GetByTestId("neurons-sampling"));
            await Expect(sampling.GetByTestId("paired-sample")).ToHaveCountAsync(0);

            await edits.GetByTestId("clamp-selected").ClickAsync(); // the selection starts on an LSTM's tanh(c): its c is clamped

            await Expect(edits.GetByTestId("edit-chip")).ToHaveCountAsync(1);
            var chip = edits.GetByTestId("edit-chip");
            await Expect(chip).ToHaveAttributeAsync("data-edit", new System.Text.RegularExpressions.Regex("^1:c:[0-9]+=[-0-9.E+]+$"));
            await Expect(sampling.GetByTestId("paired-sample")).ToBeVisibleAsync();
            await Expect(sampling.GetByTestId("kl-cell")).ToHaveCountAsync(200);

            await page.GetByTestId("effect-record").ClickAsync();
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-overlay", "change in log p", new() { Timeout = 60_000 });
            string clamp = (await chip.TextContentAsync())!.Replace("×", "").Trim();
            await Expect(page.GetByTestId("overlay-legend")).ToContainTextAsync($"under {clamp}");
        });
    }
}
