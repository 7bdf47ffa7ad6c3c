using Microsoft.Playwright;
using Xunit.Abstractions;
using static CharRnnLab.EndToEnd.Tests.Fixtures.NeuronsPageDriver;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>The Neurons page in a real browser, over a tiny trained run and a 10,000-character validation slice: the text coloured by a cell, hovering, and the ways to find cells.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NeuronsPageTests(LabBrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Clicking_a_cell_recolours_the_text_hovering_shows_the_guesses_and_a_selection_finds_cells()
    {
        string runId = await TrainTinyRunAsync(fixture);
        var page = await fixture.NewPageAsync();
        await page.AddInitScriptAsync("window.__neuronsTiming = []"); // the view notes its timings only when asked
        await fixture.ScreenshotOnFailureAsync(page, "neurons-page", async () =>
        {
            await OpenAsync(page, runId);
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
