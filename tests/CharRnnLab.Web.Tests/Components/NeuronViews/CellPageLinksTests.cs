using Bunit;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Components.NeuronViews;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Components.NeuronViews;

/// <summary>The Neurons page's ways to a cell's own page: beside each feature chip, and the picker's selected cell.</summary>
public sealed class CellPageLinksTests : LabComponentContext
{
    private static string PageOf(CellId cell) => CellLinks.Page("run-1", cell);

    [Fact]
    public void Each_feature_chip_has_a_link_to_its_cells_page_and_none_without_a_page_address()
    {
        var quote = new FeatureReport("quote", "inside quotes", true, 0.2, 0, 1,
            [new RankedCell(1, 117, ActivationKind.TanhCell, 0.91, +1), new RankedCell(0, 4, ActivationKind.Hidden, 0.42, -1)], null, null);

        var linked = Render<FeatureChips>(p => p.Add(c => c.Features, [quote]).Add(c => c.PageOf, PageOf));
        var plain = Render<FeatureChips>(p => p.Add(c => c.Features, [quote]));

        Assert.Equal(["/runs/run-1/cells/2/tanh_cell/117", "/runs/run-1/cells/1/hidden/4"],
            linked.FindAll("[data-testid=feature-chip-page]").Select(a => a.GetAttribute("href")));
        Assert.Empty(plain.FindAll("[data-testid=feature-chip-page]"));
    }

    [Fact]
    public void The_picker_links_the_selected_cells_page()
    {
        var recording = SyntheticRecordings.Make("the cat sees \"a dog\".\n", layers: 2, units: 3);

        var picker = Render<NeuronPicker>(p => p.Add(c => c.Means, recording.Means).Add(c => c.Layers, recording.Recording.RecordedLayers)
            .Add(c => c.Units, 3).Add(c => c.Kind, ActivationKind.ForgetGate).Add(c => c.Selected, new CellId(1, ActivationKind.ForgetGate, 2))
            .Add(c => c.PageOf, PageOf));

        var link = picker.Find("[data-testid=picker-cell-page]");
        Assert.Equal("/runs/run-1/cells/2/forget_gate/2", link.GetAttribute("href"));
        Assert.Contains("L2 f #2", link.TextContent);
    }
}
