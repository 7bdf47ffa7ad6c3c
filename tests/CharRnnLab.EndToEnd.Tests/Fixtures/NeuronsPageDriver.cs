using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.Playwright;

namespace CharRnnLab.EndToEnd.Tests.Fixtures;

/// <summary>
/// What the Neurons page tests share: the tiny trained run they all read, and the ways a test reaches into
/// the coloured text (a canvas): a character's box, a hover or click on it, the colour drawn under it.
/// </summary>
public static class NeuronsPageDriver
{
    /// <summary>The coloured text's element.</summary>
    public const string Text = "[data-testid=neuron-text]";

    private const string Module = "import('./assets/js/neurons.js')";

    /// <summary>The tiny run the Neurons tests read (60 iterations on the fixture's corpus), trained once for the collection.</summary>
    public static async Task<string> TrainTinyRunAsync(LabBrowserFixture fixture)
    {
        var runs = fixture.Lab.Service<RunManager>();
        var existing = runs.List().FirstOrDefault(r => r.Name == "neurons run" && r.State == RunState.Completed);
        if (existing is not null) return existing.Id;
        var run = await runs.StartAsync(LabHost.TinyRun(fixture.CorpusId, iterations: 60) with { Name = "neurons run" });
        await Poll.UntilAsync(() => runs.Get(run.Id).State == RunState.Completed, "the tiny run to train", seconds: 120, intervalMs: 100);
        return run.Id;
    }

    /// <summary>Opens the Neurons page on <paramref name="runId"/> and waits until its text is coloured.</summary>
    public static async Task OpenAsync(IPage page, string runId)
    {
        await page.GotoAsync($"/neurons?run={runId}");
        await Assertions.Expect(page.Locator(Text)).ToHaveAttributeAsync("data-state", "ready");
    }

    /// <summary>Picks <paramref name="item"/> in the MudSelect whose test id is <paramref name="select"/>.</summary>
    public static async Task ChooseAsync(IPage page, string select, string item)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
    }

    /// <summary>Character i's cell on the canvas (scrolled into view), or null past the text.</summary>
    public static async Task<CellBox?> BoxAsync(IPage page, int i) =>
        await page.EvaluateAsync<CellBox?>($"async i => (await {Module}).characterBox(document.querySelector('{Text}'), i)", i);

    public static async Task HoverAsync(IPage page, int i)
    {
        var box = (await BoxAsync(page, i))!;
        await page.Mouse.MoveAsync((float)(box.X + box.Width / 2), (float)(box.Y + box.Height / 2));
    }

    public static async Task ClickCharacterAsync(IPage page, int i)
    {
        var box = (await BoxAsync(page, i))!;
        await page.Mouse.ClickAsync((float)(box.X + box.Width / 2), (float)(box.Y + box.Height / 2));
    }

    /// <summary>The background drawn under each character of [from, to), read back from the canvas's pixels.</summary>
    public static Task<string[]> ColoursAsync(IPage page, int from = 0, int to = 300) =>
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

    /// <summary>A character's box on the page; Playwright fills it by property name from the page's object.</summary>
    public sealed class CellBox
    {
        public double X { get; set; }
        public double Y { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
    }
}
