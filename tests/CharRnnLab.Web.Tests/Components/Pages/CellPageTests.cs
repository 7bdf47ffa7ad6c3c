using Bunit;
using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Components.Pages;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CharRnnLab.Web.Tests.Components.Pages;

/// <summary>A cell's page over a tiny trained run (1 layer × 16 units): what it shows is what Core computes from the cached recording.</summary>
public sealed class CellPageTests(TrainedRunFixture trained) : LabComponentContext, IClassFixture<TrainedRunFixture>
{
    private const int Characters = 800;
    private static readonly NeuronTextRequest Slice = new(NeuronTextSource.Validation, Characters);

    private NeuronLab Lab => trained.Lab.Service<NeuronLab>();

    public override Task InitializeAsync()
    {
        Services.AddSingleton(trained.Lab.Service<CellPages>());
        return Task.CompletedTask;
    }

    // The query reaches the page as in the browser: through the address.
    private IRenderedComponent<CellPage> RenderPage(string kind, int unit, string? text = null)
    {
        Navigation.NavigateTo($"/runs/{trained.RunId}/cells/1/{kind}/{unit}?length={Characters}" + (text is null ? "" : $"&text={Uri.EscapeDataString(text)}"));
        return Render<CellPage>(p => p.Add(c => c.RunId, trained.RunId).Add(c => c.Layer, 1).Add(c => c.Kind, kind).Add(c => c.Unit, unit));
    }

    [Fact]
    public async Task The_page_shows_the_cached_recordings_snippets_features_neighbours_and_clamp_link_and_measures_the_clamp()
    {
        var recording = await Lab.RecordAsync(trained.RunId, Slice);
        var cell = new CellId(0, ActivationKind.TanhCell, 3);
        var profile = CellProfiler.Compute(recording.Recording, cell, FeatureTracks.All);

        var page = RenderPage("tanh_cell", 3);
        page.WaitForElement("[data-testid=cell-page]");

        Assert.Equal(recording.Id, page.Find("[data-testid=cell-page]").GetAttribute("data-recording")); // read from the cache, not again
        Assert.Equal("layer 1 · tanh(c) · cell #3", page.Find("[data-testid=cell-title]").TextContent);
        Assert.Equal(profile.Highest.Select(s => s.Peak.ToString()), page.FindAll("[data-end=highest] [data-testid=cell-snippet]").Select(s => s.GetAttribute("data-peak")));
        Assert.Equal(profile.Lowest.Select(s => s.Peak.ToString()), page.FindAll("[data-end=lowest] [data-testid=cell-snippet]").Select(s => s.GetAttribute("data-peak")));
        var peak = page.Find("[data-end=highest] [data-testid=cell-snippet] .peak");
        Assert.Contains($"background:{ActivationColours.For(profile.Highest[0].PeakValue)}", peak.GetAttribute("style"));
        Assert.Equal(SymbolGlyphs.Show(recording.Recording.Symbols[profile.Highest[0].Peak]), peak.TextContent);
        Assert.Equal(Characters.ToString(), page.Find("[data-testid=cell-histogram]").GetAttribute("data-total"));
        Assert.Equal(FeatureTracks.All.Select(t => t.Name), page.FindAll("[data-testid=cell-feature]").Select(f => f.GetAttribute("data-feature")));
        Assert.Equal(profile.Correlated.Select(c => CellLinks.Page(trained.RunId, c.Cell, new CellTextChoice(Slice))),
            page.FindAll("[data-testid=correlated-cell]").Select(a => a.GetAttribute("href")));
        Assert.Equal(CellLinks.Clamp(trained.RunId, profile.ClampHigh), page.Find("[data-testid=clamp-this]").GetAttribute("href"));
        Assert.StartsWith($"/runs/{trained.RunId}?edit=1:c:3=", page.Find("[data-testid=clamp-this]").GetAttribute("href"));
        Assert.Contains("holds this unit's c", page.Find("[data-testid=clamp-explanation]").TextContent);

        var weights = await trained.Lab.Service<RunFiles>().WeightsAsync(trained.RunId, null, default);
        var effect = ClampEffects.Measure(weights, recording.Recording.Text, 0, 3, profile.Clamp.Target, profile.Clamp.High, profile.Clamp.Low);
        page.WaitForAssertion(() => Assert.Equal(effect.Rises.Select(s => s.Symbol), page.FindAll("[data-testid=clamp-rise]").Select(r => r.GetAttribute("data-symbol"))));
        Assert.Equal(effect.Falls.Select(s => s.Symbol), page.FindAll("[data-testid=clamp-fall]").Select(r => r.GetAttribute("data-symbol")));
        Assert.NotEmpty(effect.Rises);
    }

    [Fact]
    public async Task A_pasted_texts_recording_is_found_by_id_and_a_forgotten_one_or_a_bad_cell_is_explained()
    {
        var pasted = await Lab.RecordAsync(trained.RunId, new NeuronTextRequest(NeuronTextSource.Pasted, Pasted: TestCorpus.Text(300)));
        var cells = trained.Lab.Service<CellPages>();

        Assert.Same(pasted, await cells.RecordingAsync(trained.RunId, new CellTextChoice(new NeuronTextRequest(), pasted.Id)));
        var forgotten = RenderPage("h", 0, text: "recording:0123456789abcdef01234567");
        forgotten.WaitForAssertion(() => Assert.Contains("no longer holds in memory", forgotten.Find("[data-testid=cell-error]").TextContent));

        var badKind = RenderPage("memory", 0);
        badKind.WaitForAssertion(() => Assert.Contains("is not a cell", badKind.Find("[data-testid=cell-error]").TextContent));
        var badUnit = RenderPage("h", 16);
        badUnit.WaitForAssertion(() => Assert.Contains("units 0 to 15", badUnit.Find("[data-testid=cell-error]").TextContent));
        var gruKind = RenderPage("reset_gate", 0);
        gruKind.WaitForAssertion(() => Assert.Contains("no reset_gate values", gruKind.Find("[data-testid=cell-error]").TextContent));
    }

    [Fact]
    public async Task The_neighbouring_units_and_the_units_other_kinds_link_to_their_pages_over_the_same_text()
    {
        await Lab.RecordAsync(trained.RunId, Slice);

        var page = RenderPage("h", 0);
        page.WaitForElement("[data-testid=cell-page]");

        Assert.Empty(page.FindAll("[data-testid=cell-previous]"));
        var same = new CellTextChoice(Slice);
        Assert.Equal(CellLinks.Page(trained.RunId, new CellId(0, ActivationKind.Hidden, 1), same), page.Find("[data-testid=cell-next]").GetAttribute("href"));
        Assert.Contains(CellLinks.Page(trained.RunId, new CellId(0, ActivationKind.ForgetGate, 0), same),
            page.FindAll("[data-testid=cell-kind]").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("holds this unit", page.Find("[data-testid=clamp-explanation]").TextContent); // h is clamped as itself
    }
}
