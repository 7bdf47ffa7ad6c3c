using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>A run page opened from an edit link (Sampling/EditLinks): the panel samples the unedited and the edited continuation side by side.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PairedSamplingPageTests(LabBrowserFixture fixture)
{
    [Fact]
    public async Task An_edit_link_opens_the_run_with_its_edits_and_shows_both_continuations_with_the_divergence_marked()
    {
        var runs = fixture.Lab.Service<RunManager>();
        var run = await runs.StartAsync(LabHost.TinyRun(fixture.CorpusId, iterations: 30) with { Name = "edited run" });
        await Poll.UntilAsync(() => runs.Get(run.Id).State == RunState.Completed, "the tiny run to train", seconds: 120, intervalMs: 100);
        // h is at most 1 in size; pinned to 40 it swamps the head, so the edited text parts from the unedited one at once.
        var edit = new Intervention(0, 3, InterventionTarget.Hidden, InterventionAction.Clamp, 40f);
        var weights = CheckpointFile.LoadWeights(runs.RunDirectory(run.Id));
        var expected = PairedSampler.Generate(weights, new SampleOptions(200, 1.0, "", 42), new InterventionSet(weights.Config, [edit]),
            stepper: fixture.Lab.Service<RunSampler>().Stepper);
        int first = Assert.IsType<int>(expected.FirstDivergence);

        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "paired-sampling", async () =>
        {
            await page.GotoAsync(EditLinks.For(run.Id, [edit]) + "&edit=1:x:3=1");

            await Expect(page.GetByTestId("edit-chip")).ToHaveAttributeAsync("data-edit", "1:h:3=40");
            await Expect(page.GetByTestId("edit-warning")).ToContainTextAsync("'1:x:3=1': KIND must be c");
            await Expect(page.GetByTestId("paired-sample")).ToHaveAttributeAsync("data-seed", "42");
            await Expect(page.GetByTestId("unedited-text")).ToHaveTextAsync(expected.PlainText);
            await Expect(page.GetByTestId("edited-text")).ToHaveTextAsync(expected.EditedText);
            await Expect(page.GetByTestId("paired-sample")).ToHaveAttributeAsync("data-first-divergence", first.ToString());
            foreach (var (side, text) in new[] { ("unedited-text", expected.PlainText), ("edited-text", expected.EditedText) })
            {
                var marked = page.GetByTestId(side).Locator("span.diverged");
                await Expect(marked).ToHaveCountAsync(1);
                Assert.Equal(text.Substring(first, 1), await marked.TextContentAsync());
            }
            await Expect(page.GetByTestId("kl-cell")).ToHaveCountAsync(200);

            await HoverUntilTooltipAsync(page, page.GetByTestId("edited-text").Locator("span[data-c]").Nth(first));
            await Expect(page.GetByTestId("candidate-tooltip")).ToContainTextAsync("picked");
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "paired-sampling.png"), FullPage = true });
        });
    }

    /// <summary>
    /// Hovers <paramref name="character"/> until its tooltip shows: the run page's charts may still be drawing
    /// and push the panel down under a pointer that has already arrived, and the browser only notices on the next move.
    /// </summary>
    private static async Task HoverUntilTooltipAsync(IPage page, ILocator character)
    {
        for (int attempt = 1; attempt <= 10; attempt++)
        {
            await page.Mouse.MoveAsync(0, 0);
            await character.HoverAsync();
            try
            {
                await page.GetByTestId("candidate-tooltip").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 2000 });
                return;
            }
            catch (System.TimeoutException) when (attempt < 10)
            {
            }
        }
    }
}
