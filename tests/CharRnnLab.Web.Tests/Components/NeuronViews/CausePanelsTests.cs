using Bunit;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Components.NeuronViews;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using Microsoft.Extensions.DependencyInjection;

namespace CharRnnLab.Web.Tests.Components.NeuronViews;

/// <summary>The edit and ablation panels over a real lab's tiny run (1 × 16 LSTM).</summary>
public sealed class CausePanelsTests(TrainedRunFixture fixture) : LabComponentContext, IClassFixture<TrainedRunFixture>
{
    private NeuronRecording _recording = null!;

    public override async Task InitializeAsync()
    {
        Services.AddSingleton(fixture.Lab.Service<NeuronEdits>());
        Services.AddSingleton(fixture.Lab.Service<NeuronAblation>());
        _recording = await fixture.Lab.Service<NeuronLab>().RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, 600));
    }

    [Fact]
    public void Recording_with_the_pages_edits_lists_the_loss_change_per_class_and_hands_the_overlay_to_the_page()
    {
        var shown = new List<EditOverlay>();
        var panel = Render<EditEffectPanel>(p => p.Add(c => c.Recording, _recording).Add(c => c.OnShow, (EditOverlay e) => shown.Add(e)));
        Assert.True(panel.Find("[data-testid=effect-record]").HasAttribute("disabled")); // nothing to record under yet
        Assert.Empty(panel.FindAll("[data-testid=intervention-editor]"));                // the page's one editor makes the edits

        var clamp = new Intervention(0, 4, InterventionTarget.Cell, InterventionAction.Clamp, _recording.Means[(0, ActivationKind.Cell)][4]);
        panel.Render(p => p.Add(c => c.Edits, [clamp]));
        panel.Find("[data-testid=effect-record]").Click();

        panel.WaitForAssertion(() => Assert.Single(shown), TimeSpan.FromSeconds(60));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=effect-busy]")));
        Assert.Equal([clamp], shown[0].Edits);
        var rows = panel.FindAll("[data-testid=effect-class]");
        Assert.Equal(["all", "quote", "url", "comment", "brackets", "linestart"], rows.Select(r => r.GetAttribute("data-feature")));
        Assert.Contains(LossFormat.Signed(shown[0].Effect.LossChange), rows[0].TextContent);
        panel.Find("[data-testid=effect-show]").Click();
        Assert.Equal(2, shown.Count);
    }

    [Fact]
    public async Task Ranking_shows_the_cause_and_correlation_columns_and_a_units_chip_selects_its_cell()
    {
        var picked = new List<CellId>();
        var panel = Render<AblationPanel>(p => p.Add(c => c.Recording, _recording).Add(c => c.OnSelect, (CellId cell) => picked.Add(cell)));

        panel.Find("[data-testid=ablation-rank]").Click();

        // the rows arrive before the last progress render: wait for the finished panel, so the chip clicked below is the one in the tree
        panel.WaitForAssertion(() =>
        {
            Assert.Equal(AblationPanel.Top, panel.FindAll("[data-testid=cause-row]").Count);
            Assert.Empty(panel.FindAll("[data-testid=ablation-progress]"));
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(AblationPanel.Top, panel.FindAll("[data-testid=correlation-row]").Count);
        Assert.Contains("Layer 1 c", panel.Find("[data-testid=ablation-caption]").TextContent);
        var first = panel.Find("[data-testid=cause-row]");
        int unit = int.Parse(first.GetAttribute("data-unit")!);
        Assert.Equal($"1/cell/{unit}", first.QuerySelector(".unit-chip")!.GetAttribute("data-cell"));
        await panel.InvokeAsync(() => panel.Find("[data-testid=cause-row] .unit-chip").Click());
        Assert.Equal([new CellId(0, ActivationKind.Cell, unit)], picked);
    }
}
