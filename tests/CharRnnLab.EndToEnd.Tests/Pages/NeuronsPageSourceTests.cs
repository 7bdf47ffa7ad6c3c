using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Neurons;
using Microsoft.Playwright;
using static CharRnnLab.EndToEnd.Tests.Fixtures.NeuronsPageDriver;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>The Neurons page in a real browser: which text it reads (another corpus, a paste at the limit) and the coloured view as a download.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NeuronsPageSourceTests(LabBrowserFixture fixture)
{
    [Fact]
    public async Task The_coloured_view_downloads_as_a_self_contained_html_file_and_another_corpus_can_be_read()
    {
        string runId = await TrainTinyRunAsync(fixture);
        string otherId = await fixture.Lab.AddCorpusAsync("other-sentences", 220_000); // a 11,000-character validation split
        string other = fixture.Lab.Service<ILabCorpora>().List().Single(c => c.Id == otherId).Name;
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-export", async () =>
        {
            await OpenAsync(page, runId);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__neuronsTiming === undefined"), "no timings unless a test asks");

            await page.GetByTestId("export-menu").Locator("button").First.ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-html").ClickAsync());

            Assert.EndsWith(".html", download.SuggestedFilename);
            string html = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.DoesNotContain("<script", html);
            Assert.Equal(10_000, html.Split("<span style=\"background:").Length - 1);

            // The bundled corpus offered first is written in characters the tiny run never saw: refused, naming them.
            await ChooseAsync(page, "neuron-source-select", "validation slice of another corpus");
            await Expect(page.GetByTestId("neurons-error")).ToContainTextAsync("Choose a corpus written in the same characters");
            await ChooseAsync(page, "neuron-corpus-select", other);
            await Expect(page.GetByTestId("neurons-caption")).ToContainTextAsync($"reading 10,000 characters of {other}'s validation split");
            await Expect(page.GetByTestId("neurons-error")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task A_paste_at_the_stated_limit_reaches_the_server_and_one_character_more_is_refused_with_its_length()
    {
        string runId = await TrainTinyRunAsync(fixture);
        string text = TestCorpus.Text(NeuronTextRequest.MaxLength + 100)[..NeuronTextRequest.MaxLength]; // the run's own characters
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-paste", async () =>
        {
            await OpenAsync(page, runId);
            await ChooseAsync(page, "neuron-source-select", "pasted text");
            var field = page.GetByTestId("neuron-paste"); // the textarea itself

            // Over the limit first: refused at once, before the page has 50,000 characters to lay out.
            await PasteAsync(field, text + "e");
            await page.GetByTestId("neuron-record").ClickAsync();
            await Expect(page.GetByTestId("neurons-error")).ToContainTextAsync("The pasted text has 50,001 characters; paste at most 50,000.");

            await PasteAsync(field, text);
            await page.GetByTestId("neuron-record").ClickAsync();
            await Expect(page.GetByTestId("neurons-caption")).ToContainTextAsync("reading 50,000 pasted characters", new() { Timeout = 120_000 });
        });
    }

    /// <summary>Puts <paramref name="text"/> in the field as one value with one change event. Playwright's FillAsync
    /// inserts it through the editor, which at 50,000 characters froze headless Chromium on this loaded machine
    /// past the circuit's 30 s client timeout, so the test would measure the editor, not the transport.</summary>
    private static Task PasteAsync(ILocator field, string text) =>
        field.EvaluateAsync("(element, text) => { element.value = text; element.dispatchEvent(new Event('change', { bubbles: true })); }", text);
}
