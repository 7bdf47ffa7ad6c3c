using Bunit;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Components.NeuronViews;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Components.NeuronViews;

public sealed class NeuronComponentsTests : LabComponentContext
{
    private readonly NeuronRecording _recording = SyntheticRecordings.Make("the cat sees \"a dog\".\n", layers: 2, units: 3);

    private IRenderedComponent<NeuronPicker> RenderPicker(List<CellId> picked, CellId? selected = null, ActivationKind kind = ActivationKind.TanhCell) =>
        Render<NeuronPicker>(p => p
            .Add(c => c.Means, _recording.Means)
            .Add(c => c.Layers, _recording.Recording.RecordedLayers)
            .Add(c => c.Units, _recording.Recording.Units)
            .Add(c => c.Kind, kind)
            .Add(c => c.Selected, selected)
            .Add(c => c.OnSelect, (CellId cell) => picked.Add(cell)));

    [Fact]
    public void Clicking_a_cell_in_the_picker_raises_its_selection()
    {
        var picked = new List<CellId>();
        var picker = RenderPicker(picked);

        Assert.Equal(6, picker.FindAll("[data-testid=picker-cell]").Count);
        picker.Find("[data-testid=picker-cell][data-layer='2'][data-unit='1']").Click();

        Assert.Equal([new CellId(1, ActivationKind.TanhCell, 1)], picked);
    }

    [Fact]
    public void Picker_cells_are_coloured_by_their_mean_and_the_selected_one_is_marked()
    {
        var picker = RenderPicker([], selected: new CellId(0, ActivationKind.ForgetGate, 2), kind: ActivationKind.ForgetGate);

        var cell = picker.Find("[data-testid=picker-cell][data-layer='1'][data-unit='2']");
        float mean = _recording.Means[(0, ActivationKind.ForgetGate)][2];
        Assert.Contains($"background:{ActivationColours.For(2.0 * mean - 1)}", cell.GetAttribute("style"));
        Assert.Contains("selected", cell.ClassList);
        Assert.Single(picker.FindAll(".picker-cell.selected"));
    }

    [Fact]
    public void Feature_chips_render_the_ranked_cells_and_a_click_selects_one()
    {
        var quote = new FeatureReport("quote", "inside a quotation", true, 0.2, 0, 1,
            [new RankedCell(1, 117, ActivationKind.TanhCell, 0.91, +1), new RankedCell(0, 4, ActivationKind.Hidden, 0.42, -1)], null, null);
        var url = new FeatureReport("url", "inside a URL", true, 0, 0, 0, [], null, "The url feature is 0 everywhere in this text.");
        var picked = new List<CellId>();

        var chips = Render<FeatureChips>(p => p.Add(c => c.Features, [quote, url]).Add(c => c.OnSelect, (CellId cell) => picked.Add(cell)));

        var rendered = chips.FindAll("[data-testid=feature-chip]");
        Assert.Equal(["L2 tanh(c) #117 · r=+0.91", "L1 h #4 · r=-0.42"], rendered.Select(c => c.TextContent.Trim()));
        Assert.Contains("not present", chips.Find("[data-feature=url]").TextContent);
        rendered[0].Click();
        Assert.Equal([new CellId(1, ActivationKind.TanhCell, 117)], picked);
    }

    [Fact]
    public void A_feature_offers_a_probe_and_then_lists_its_heaviest_cells()
    {
        var quote = new FeatureReport("quote", "inside quotes", true, 0.4, 0, 1,
            [new RankedCell(1, 117, ActivationKind.TanhCell, 0.31, 1)], null, null);
        var probe = new SparseProbeResult(0.01, 0.2,
            [new RankedCell(1, 78, ActivationKind.TanhCell, 0.32, -1), new RankedCell(0, 31, ActivationKind.Hidden, 0.18, 1)],
            0.45, 0.40, 0.813, 0.62, 256, 8000, 2000, []);
        var asked = new List<string>();
        var picked = new List<CellId>();
        IRenderedComponent<FeatureChips> Chips(IReadOnlyDictionary<string, SparseProbeResult> probes, string? probing = null) =>
            Render<FeatureChips>(p => p.Add(c => c.Features, [quote]).Add(c => c.Probes, probes).Add(c => c.Probing, probing)
                .Add(c => c.OnProbe, (string f) => asked.Add(f)).Add(c => c.OnSelect, (CellId cell) => picked.Add(cell)));

        Chips(new Dictionary<string, SparseProbeResult>()).Find("[data-testid=probe-button]").Click();
        Assert.Equal(["quote"], asked);
        Assert.Contains("fitting", Chips(new Dictionary<string, SparseProbeResult>(), probing: "quote").Find("[data-testid=probe-busy]").TextContent);
        Assert.True(Chips(new Dictionary<string, SparseProbeResult>(), probing: "url").Find("[data-testid=probe-button]").HasAttribute("disabled"));

        var fitted = Chips(new Dictionary<string, SparseProbeResult> { ["quote"] = probe });
        Assert.Equal("probe: 2 cells · held-out R² 0.40 · 81 % right (majority 62 %)", fitted.Find("[data-testid=probe-summary]").TextContent.Trim());
        var chips = fitted.FindAll("[data-testid=probe-chip]");
        Assert.Equal(["L2 tanh(c) #78 · w=-0.32", "L1 h #31 · w=+0.18"], chips.Select(c => c.TextContent.Trim()));
        chips[1].Click();
        Assert.Equal([new CellId(0, ActivationKind.Hidden, 31)], picked);
        Assert.Empty(fitted.FindAll("[data-testid=probe-button]"));
    }

    [Fact]
    public void The_legend_reads_closed_to_open_for_gates_and_minus_one_to_one_otherwise()
    {
        var gate = Render<ColourLegend>(p => p.Add(c => c.Kind, ActivationKind.ForgetGate));
        var signed = Render<ColourLegend>(p => p.Add(c => c.Kind, ActivationKind.TanhCell));

        Assert.Contains("0 closed", gate.Markup);
        Assert.Contains("1 open", gate.Markup);
        Assert.Contains("−1", signed.Markup);
        Assert.Contains(ActivationColours.For(-1), signed.Find(".bar").GetAttribute("style"));
    }
}
