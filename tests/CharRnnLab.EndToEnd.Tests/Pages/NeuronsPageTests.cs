using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>The Neurons page in a real browser, over a tiny trained run and a 10,000-character validation slice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NeuronsPageTests(LabBrowserFixture fixture, ITestOutputHelper output)
{
    private const string Text = "[data-testid=neuron-text]";

    [Fact]
    public async Task Clicking_a_cell_recolours_the_text_hovering_shows_the_guesses_and_a_selection_finds_cells()
    {
        string runId = await TrainTinyRunAsync();
        var page = await fixture.NewPageAsync();
        await page.AddInitScriptAsync("window.__neuronsTiming = []"); // the view notes its timings only when asked
        await fixture.ScreenshotOnFailureAsync(page, "neurons-page", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
            Assert.NotNull(await BoxAsync(page, 9_999));
            Assert.Null(await BoxAsync(page, 10_000)); // 10,000 characters laid out
            await page.WaitForFunctionAsync("() => window.__neuronsTiming.some(t => t.event === 'load')");
            double renderMs = await page.EvaluateAsync<double>("() => window.__neuronsTiming.find(t => t.event === 'load').ms");
            string phases = await page.EvaluateAsync<string>("() => JSON.stringify(window.__neuronsTiming.find(t => t.event === 'load').phases)");
            Assert.Contains("painted", phases);

            var before = await ColoursAsync(page);
            string selected = (await page.Locator(Text).GetAttributeAsync("data-selected"))!;
            var other = page.Locator($"[data-testid=picker-cell]:not(.selected)").Nth(5);
            string unit = (await other.GetAttributeAsync("data-unit"))!;
            double clickMs = await ClickAndTimeRecolourAsync(page, other);
            await Expect(page.Locator(Text)).Not.ToHaveAttributeAsync("data-selected", selected);
            Assert.EndsWith($"/{unit}", await page.Locator(Text).GetAttributeAsync("data-selected"));
            await Expect(page.GetByTestId("neuron-selected")).ToHaveTextAsync($"layer 1 · tanh(c) · cell #{unit}");
            var after = await ColoursAsync(page);
            Assert.True(before.Zip(after).Count(p => p.First != p.Second) > 50, "the characters' colours changed on the canvas");
            double recolourMs = await page.EvaluateAsync<double>("() => window.__neuronsTiming.findLast(t => t.event === 'recolour').ms");

            await page.Keyboard.PressAsync("j");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-selected", new System.Text.RegularExpressions.Regex($"/{int.Parse(unit) + 1}$"));
            await Expect(page.GetByTestId("neuron-selected")).ToHaveTextAsync($"layer 1 · tanh(c) · cell #{int.Parse(unit) + 1}");

            await Expect(page.GetByTestId("neuron-overview")).ToHaveAttributeAsync("data-drawn", "1/tanh_cell");
            var overview = await page.GetByTestId("neuron-overview").BoundingBoxAsync();
            await page.GetByTestId("neuron-overview").ClickAsync(new() { Position = new() { X = overview!.Width / 2, Y = overview.Height * 2.5f / 16 } });
            await Expect(page.GetByTestId("neuron-selected")).ToHaveTextAsync("layer 1 · tanh(c) · cell #2");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-selected", "1/tanh_cell/2");

            await HoverAsync(page, 40);
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-hovered", "40");
            await Expect(page.GetByTestId("hover-guess")).ToHaveCountAsync(5);
            await Expect(page.GetByTestId("neuron-hover")).ToContainTextAsync("%");
            await Expect(page.GetByTestId("hover-values")).ToContainTextAsync("tanh(c)");
            var (space, glyph) = await FirstSpaceAsync(page);
            await HoverAsync(page, space);
            await Expect(page.Locator(".hover-head")).ToContainTextAsync($"“{glyph}”"); // the metadata's stand-in for a space

            await Expect(page.GetByTestId("feature-chip").First).ToBeVisibleAsync();
            await page.Locator("[data-testid=feature-probe][data-feature=linepos] [data-testid=probe-button]").ClickAsync();
            await Expect(page.Locator("[data-testid=feature-probe][data-feature=linepos] [data-testid=probe-summary]")).ToContainTextAsync("R²");
            await page.Locator("[data-testid=feature-probe][data-feature=linepos] [data-testid=probe-chip]").First.ClickAsync();
            await Expect(page.GetByTestId("neuron-selected")).ToContainTextAsync("cell #");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=gate-chart] .js-plotly-plot')?.data?.length === 3");

            await SelectTextAsync(page, 120, 160);
            await Expect(page.GetByTestId("range-results")).ToContainTextAsync("characters 120–159");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-range", "120-160");

            // A tall viewport rather than FullPage: the text's lines render as they come into view,
            // and a full-page capture would not give them that frame.
            await page.SetViewportSizeAsync(1440, 1800);
            await HoverAsync(page, 40);
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            await page.ScreenshotAsync(new() { Path = Path.Combine(LabBrowserFixture.ScreenshotDirectory, "neurons-page.png") });
            Report(renderMs, phases, recolourMs, clickMs);
        });
    }

    [Fact]
    public async Task Clicking_a_character_colours_what_its_prediction_depended_on_until_escape_or_a_click_elsewhere()
    {
        const int Clicked = 340, Span = NeuronInfluence.Span;
        const string White = "255,255,255";
        string runId = await TrainTinyRunAsync();
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-influence", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
            var cellColours = await ColoursAsync(page, 0, Clicked + 20);

            await ClickCharacterAsync(page, Clicked);
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-overlay", $"influence/{Clicked}");
            await Expect(page.GetByTestId("overlay-legend")).ToContainTextAsync($"(character {Clicked}");
            var influence = await ColoursAsync(page, 0, Clicked + 20);
            Assert.All(influence[..(Clicked - Span)], c => Assert.Equal(White, c));  // beyond the span
            Assert.All(influence[(Clicked + 1)..], c => Assert.Equal(White, c));      // after the prediction
            Assert.Contains(influence[(Clicked - Span)..Clicked], c => c != White);
            Assert.NotEqual(cellColours, influence);

            await HoverAsync(page, Clicked - 1);
            await Expect(page.Locator(".hover-head")).ToContainTextAsync("influence ");  // the hovered input's number
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForFunctionAsync($"() => document.querySelector('{Text}').dataset.overlay === undefined");
            await Expect(page.GetByTestId("overlay-legend")).ToHaveCountAsync(0);
            Assert.Equal(cellColours, await ColoursAsync(page, 0, Clicked + 20));

            await ClickCharacterAsync(page, Clicked - 100);
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-overlay", $"influence/{Clicked - 100}");
            await page.GetByTestId("neurons-caption").ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelector('{Text}').dataset.overlay === undefined");
            await Expect(page.GetByTestId("overlay-legend")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Recording_with_an_edit_colours_the_change_and_ablation_ranks_units_beside_their_correlation()
    {
        string runId = await TrainTinyRunAsync();
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-edits", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
            var cellColours = await ColoursAsync(page, 0, 200);

            var editor = page.GetByTestId("effect-panel");
            await editor.GetByTestId("edit-kind").SelectOptionAsync("h");
            await editor.GetByTestId("edit-unit").FillAsync("3");
            await editor.GetByTestId("edit-action").SelectOptionAsync("Ablate");
            await editor.GetByTestId("edit-from").FillAsync("100");
            await editor.GetByTestId("edit-from").PressAsync("Tab");
            await editor.GetByTestId("edit-add").ClickAsync();
            await Expect(editor.GetByTestId("edit-chip")).ToHaveAttributeAsync("data-edit", "ablate:1:h:3@100");
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

    private static async Task ClickCharacterAsync(IPage page, int i)
    {
        var box = (await BoxAsync(page, i))!;
        await page.Mouse.ClickAsync((float)(box.X + box.Width / 2), (float)(box.Y + box.Height / 2));
    }

    [Fact]
    public async Task Clamping_the_selected_cell_in_sampling_shows_both_continuations_under_the_text()
    {
        string runId = await TrainTinyRunAsync();
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-clamp", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
            var sampling = page.GetByTestId("neurons-sampling");
            await Expect(sampling.GetByTestId("paired-sample")).ToHaveCountAsync(0);

            await sampling.GetByTestId("clamp-selected").ClickAsync(); // the selection starts on an LSTM's tanh(c): its c is clamped

            await Expect(sampling.GetByTestId("edit-chip")).ToHaveCountAsync(1);
            await Expect(sampling.GetByTestId("edit-chip")).ToHaveAttributeAsync("data-edit", new System.Text.RegularExpressions.Regex("^1:c:[0-9]+=[-0-9.E+]+$"));
            await Expect(sampling.GetByTestId("paired-sample")).ToBeVisibleAsync();
            await Expect(sampling.GetByTestId("kl-cell")).ToHaveCountAsync(200);
        });
    }

    [Fact]
    public async Task The_coloured_view_downloads_as_a_self_contained_html_file_and_another_corpus_can_be_read()
    {
        string runId = await TrainTinyRunAsync();
        string otherId = await fixture.Lab.AddCorpusAsync("other-sentences", 220_000); // a 11,000-character validation split
        string other = fixture.Lab.Service<ILabCorpora>().List().Single(c => c.Id == otherId).Name;
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-export", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
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
        string runId = await TrainTinyRunAsync();
        string text = TestCorpus.Text(NeuronTextRequest.MaxLength + 100)[..NeuronTextRequest.MaxLength]; // the run's own characters
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-paste", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
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

    [Fact]
    public async Task A_chip_opens_its_cells_page_whose_clamp_this_opens_the_sampling_panel_with_both_continuations()
    {
        string runId = await TrainTinyRunAsync();
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "cell-page", async () =>
        {
            await page.GotoAsync($"/neurons?run={runId}");
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
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

    /// <summary>Puts <paramref name="text"/> in the field as one value with one change event. Playwright's FillAsync
    /// inserts it through the editor, which at 50,000 characters froze headless Chromium on this loaded machine
    /// past the circuit's 30 s client timeout, so the test would measure the editor, not the transport.</summary>
    private static Task PasteAsync(ILocator field, string text) =>
        field.EvaluateAsync("(element, text) => { element.value = text; element.dispatchEvent(new Event('change', { bubbles: true })); }", text);

    private async Task<string> TrainTinyRunAsync()
    {
        var runs = fixture.Lab.Service<RunManager>();
        var existing = runs.List().FirstOrDefault(r => r.Name == "neurons run" && r.State == RunState.Completed);
        if (existing is not null) return existing.Id;
        var run = await runs.StartAsync(LabHost.TinyRun(fixture.CorpusId, iterations: 60) with { Name = "neurons run" });
        await Poll.UntilAsync(() => runs.Get(run.Id).State == RunState.Completed, "the tiny run to train", seconds: 120, intervalMs: 100);
        return run.Id;
    }

    private static async Task ChooseAsync(IPage page, string select, string item)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
    }

    private const string Module = "import('./assets/js/neurons.js')";

    /// <summary>Character i's cell on the canvas (scrolled into view), or null past the text.</summary>
    private static async Task<CellBox?> BoxAsync(IPage page, int i) =>
        await page.EvaluateAsync<CellBox?>($"async i => (await {Module}).characterBox(document.querySelector('{Text}'), i)", i);

    private static async Task HoverAsync(IPage page, int i)
    {
        var box = (await BoxAsync(page, i))!;
        await page.Mouse.MoveAsync((float)(box.X + box.Width / 2), (float)(box.Y + box.Height / 2));
    }

    /// <summary>The background drawn under each character of [from, to), read back from the canvas's pixels.</summary>
    private static Task<string[]> ColoursAsync(IPage page, int from = 0, int to = 300) =>
        page.EvaluateAsync<string[]>($$"""
            async ([from, to]) => {
                const neurons = await {{Module}}, text = document.querySelector('{{Text}}'), canvas = text.querySelector('canvas');
                const context = canvas.getContext('2d');
                return Array.from({ length: to - from }, (_, j) => {
                    const i = from + j;
                    const box = neurons.characterBox(text, i), frame = canvas.getBoundingClientRect(), scale = canvas.width / frame.width;
                    return context.getImageData(Math.round((box.x - frame.left + 1) * scale), Math.round((box.y - frame.top + 1) * scale), 1, 1).data.slice(0, 3).join(',');
                });
            }
            """, new[] { from, to });

    /// <summary>The first space of the recorded text and the glyph the recording's metadata shows for it.</summary>
    private static async Task<(int Index, string Glyph)> FirstSpaceAsync(IPage page)
    {
        string id = (await page.Locator(Text).GetAttributeAsync("data-recording"))!;
        var found = await page.EvaluateAsync<SpaceGlyph>("""
            async id => {
                const base = `/api/recordings/${id}`;
                const [text, meta] = await Promise.all([fetch(`${base}/text`).then(r => r.text()), fetch(`${base}/meta`).then(r => r.json())]);
                return { index: Array.from(text).indexOf(' '), glyph: meta.glyphs[' '] };
            }
            """, id);
        return (found.Index, found.Glyph);
    }

    // Playwright fills these by property name from the page's objects.
    private sealed class CellBox
    {
        public double X { get; set; }
        public double Y { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
    }

    private sealed class SpaceGlyph
    {
        public int Index { get; set; }
        public string Glyph { get; set; } = "";
    }

    /// <summary>From the click (in the page's clock) to the end of the recolouring.</summary>
    private static async Task<double> ClickAndTimeRecolourAsync(IPage page, ILocator cell)
    {
        const string Recolours = "window.__neuronsTiming.filter(t => t.event === 'recolour')";
        int recolours = await page.EvaluateAsync<int>($"() => {Recolours}.length");
        await page.EvaluateAsync("() => window.addEventListener('click', () => window.neuronClickAt = performance.now(), { once: true, capture: true })");
        await cell.ClickAsync();
        await page.WaitForFunctionAsync($"n => {Recolours}.length > n", recolours);
        return await page.EvaluateAsync<double>($"() => {Recolours}.at(-1).at - window.neuronClickAt");
    }

    private static async Task SelectTextAsync(IPage page, int start, int end)
    {
        await HoverAsync(page, start);
        await page.Mouse.DownAsync();
        var last = (await BoxAsync(page, end - 1))!;
        await page.Mouse.MoveAsync((float)(last.X + last.Width / 2), (float)(last.Y + last.Height / 2), new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private void Report(double renderMs, string phases, double recolourMs, double clickMs)
    {
        string line = FormattableString.Invariant(
            $"neurons: 10,000 characters rendered in {renderMs:0} ms (fetch + layout + colours; ms since start {phases}); recolour {recolourMs:0.0} ms (table + visible rows), click→recoloured {clickMs:0} ms");
        output.WriteLine(line);
        File.WriteAllText(Path.Combine(LabBrowserFixture.ScreenshotDirectory, "neurons-timings.txt"), line + "\n");
    }
}
