using Bunit;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Components.NeuronViews;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Components.NeuronViews;

/// <summary>The Neurons page's one list of edits: the selected cell's clamps and the hand editor ask the page for the new list.</summary>
public sealed class EditsPanelTests : LabComponentContext
{
    private const string Text = "he said \"no way\" and left \"now\".\n";
    private readonly List<IReadOnlyList<Intervention>> _changes = [];

    private IRenderedComponent<EditsPanel> RenderPanel(NeuronRecording recording, CellId selected, params Intervention[] edits) =>
        Render<EditsPanel>(p => p.Add(c => c.Recording, recording).Add(c => c.Selected, selected).Add(c => c.Edits, edits)
            .Add(c => c.EditsChanged, (IReadOnlyList<Intervention> list) => _changes.Add(list)));

    [Fact]
    public void An_lstms_selected_tanh_c_is_clamped_on_c_to_its_mean_or_its_max_after_the_edits_there_are()
    {
        var recording = SyntheticRecordings.Make(Text, layers: 2, units: 3);
        var existing = new Intervention(1, 0, InterventionTarget.Hidden, InterventionAction.Ablate);
        var panel = RenderPanel(recording, new CellId(0, ActivationKind.TanhCell, 2), existing);
        var c = recording.Recording.Column(0, ActivationKind.Cell, 2);

        panel.Find("[data-testid=effect-add-selected]").Click();
        panel.Find("[data-testid=clamp-selected]").Click();

        float mean = recording.Means[(0, ActivationKind.Cell)][2];
        Assert.Equal([existing, new Intervention(0, 2, InterventionTarget.Cell, InterventionAction.Clamp, mean)], _changes[0]);
        Assert.Equal([existing, new Intervention(0, 2, InterventionTarget.Cell, InterventionAction.Clamp, c.Max())], _changes[1]);
    }

    [Fact]
    public void A_grus_selected_gate_is_clamped_on_its_hidden_output_and_has_no_max_clamp()
    {
        var gru = SyntheticRecordings.Make("the cat sees a dog.\n", layers: 2, units: 3, cell: CellType.Gru);
        var panel = RenderPanel(gru, new CellId(1, ActivationKind.UpdateGate, 2));
        Assert.Empty(panel.FindAll("[data-testid=clamp-selected]"));

        panel.Find("[data-testid=effect-add-selected]").Click();
        panel.Render(p => p.Add(c => c.Edits, Assert.Single(_changes)));

        float mean = gru.Means[(1, ActivationKind.Hidden)][2];
        Assert.Equal(InterventionSyntax.FormatEdit(new Intervention(1, 2, InterventionTarget.Hidden, InterventionAction.Clamp, mean)),
            panel.Find("[data-testid=edit-chip]").GetAttribute("data-edit"));
    }

    [Fact]
    public void Removing_a_chip_asks_the_page_for_the_list_without_it()
    {
        var recording = SyntheticRecordings.Make(Text, layers: 2, units: 3);
        var first = new Intervention(0, 0, InterventionTarget.Hidden, InterventionAction.Ablate);
        var second = new Intervention(1, 2, InterventionTarget.Cell, InterventionAction.Scale, 2f);
        var panel = RenderPanel(recording, new CellId(0, ActivationKind.Hidden, 1), first, second);

        panel.FindAll("[data-testid=edit-remove]")[0].Click();

        Assert.Equal([second], Assert.Single(_changes));
    }
}
