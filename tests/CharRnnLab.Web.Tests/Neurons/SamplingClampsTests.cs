using Bunit;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Components.NeuronViews;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

/// <summary>"Clamp in sampling" on the Neurons page: which value a cell is pinned to, and the buttons that ask for it.</summary>
public sealed class SamplingClampsTests : LabComponentContext
{
    private const string Text = "he said \"no way\" and left \"now\".\n";
    private readonly NeuronRecording _recording = SyntheticRecordings.Make(Text, layers: 2, units: 3);

    [Fact]
    public void A_feature_cell_is_clamped_to_its_mean_where_the_feature_is_on()
    {
        var track = new QuoteTrack().Compute(Text);
        var c = _recording.Recording.Column(1, ActivationKind.Cell, 2);
        double expected = Enumerable.Range(0, c.Length).Where(t => track[t] > 0).Average(t => (double)c[t]);

        var clamp = SamplingClamps.WhereOn(_recording, new CellId(1, ActivationKind.TanhCell, 2), "quote")!;

        Assert.Equal(new Intervention(1, 2, InterventionTarget.Cell, InterventionAction.Clamp, (float)expected), clamp.Edit);
        Assert.Equal("its mean where quote is on", clamp.ValueSource);
    }

    [Fact]
    public void A_picked_cell_is_clamped_to_its_max_and_gates_are_not_clamped()
    {
        var h = _recording.Recording.Column(0, ActivationKind.Hidden, 1);

        var clamp = SamplingClamps.AtMax(_recording, new CellId(0, ActivationKind.Hidden, 1))!;

        Assert.Equal(new Intervention(0, 1, InterventionTarget.Hidden, InterventionAction.Clamp, h.Max()), clamp.Edit);
        Assert.Null(SamplingClamps.AtMax(_recording, new CellId(0, ActivationKind.ForgetGate, 1)));
        Assert.Null(SamplingClamps.WhereOn(_recording, new CellId(0, ActivationKind.Hidden, 1), "url")); // never on in this text
    }

    [Fact]
    public void A_chips_clamp_button_asks_for_its_feature_and_cell_and_gates_get_none()
    {
        var quote = new FeatureReport("quote", "inside a quotation", true, 0.2, 0, 1,
            [new RankedCell(1, 2, ActivationKind.TanhCell, 0.91, +1), new RankedCell(0, 1, ActivationKind.ForgetGate, 0.42, -1)], null, null);
        var asked = new List<CellClampRequest>();

        var chips = Render<FeatureChips>(p => p.Add(c => c.Features, [quote]).Add(c => c.OnClamp, (CellClampRequest r) => asked.Add(r)));

        var buttons = chips.FindAll("[data-testid=clamp-chip]");
        Assert.Equal(["2/tanh_cell/2"], buttons.Select(b => b.GetAttribute("data-cell")));
        buttons[0].Click();
        var request = Assert.Single(asked);
        Assert.Equal("quote", request.Feature);
        Assert.Equal([new CellId(1, ActivationKind.TanhCell, 2)], request.Cells);
    }

    [Fact]
    public void Without_a_listener_the_chips_offer_no_clamp()
    {
        var quote = new FeatureReport("quote", "inside a quotation", true, 0.2, 0, 1, [new RankedCell(1, 2, ActivationKind.TanhCell, 0.91, +1)], null, null);

        var chips = Render<FeatureChips>(p => p.Add(c => c.Features, [quote]));

        Assert.Empty(chips.FindAll("[data-testid=clamp-chip]"));
    }

    [Fact]
    public void A_probes_clamp_these_asks_for_its_listed_state_cells()
    {
        var probe = new SparseProbeResult(0.01, 0.2,
            [new RankedCell(0, 2, ActivationKind.Cell, 0.6, +1), new RankedCell(1, 0, ActivationKind.InputGate, 0.3, -1), new RankedCell(1, 1, ActivationKind.Hidden, 0.2, +1)],
            0.5, 0.4, 0.8, 0.6, 6, 80, 20, []);
        var asked = new List<CellClampRequest>();

        var summary = Render<ProbeSummary>(p => p.Add(s => s.Feature, "quote").Add(s => s.Result, probe)
            .Add(s => s.OnClamp, (CellClampRequest r) => asked.Add(r)));
        summary.Find("[data-testid=clamp-probe]").Click();

        var request = Assert.Single(asked);
        Assert.Equal("quote", request.Feature);
        Assert.Equal([new CellId(0, ActivationKind.Cell, 2), new CellId(1, ActivationKind.Hidden, 1)], request.Cells); // the gate left out
    }
}
