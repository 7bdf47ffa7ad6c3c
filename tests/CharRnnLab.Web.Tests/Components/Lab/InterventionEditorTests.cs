using Bunit;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Components.Lab;

namespace CharRnnLab.Web.Tests.Components.Lab;

public sealed class InterventionEditorTests : LabComponentContext
{
    private static readonly ModelConfig Lstm = new(CellType.Lstm, Layers: 2, Hidden: 4);
    private readonly List<IReadOnlyList<Intervention>> _changes = [];

    private IRenderedComponent<InterventionEditor> RenderEditor(ModelConfig model, params Intervention[] edits) =>
        Render<InterventionEditor>(p => p.Add(e => e.Model, model).Add(e => e.Edits, edits)
            .Add(e => e.EditsChanged, (IReadOnlyList<Intervention> list) => _changes.Add(list)));

    private static void Fill(IRenderedComponent<InterventionEditor> editor, string layer, string kind, string unit, string action, string value, string from)
    {
        editor.Find("input[data-testid=edit-layer]").Change(layer);
        editor.Find("select[data-testid=edit-kind]").Change(kind);
        editor.Find("input[data-testid=edit-unit]").Change(unit);
        editor.Find("select[data-testid=edit-action]").Change(action);
        if (action != nameof(InterventionAction.Ablate)) editor.Find("input[data-testid=edit-value]").Change(value);
        editor.Find("input[data-testid=edit-from]").Change(from);
        editor.Find("[data-testid=edit-add]").Click();
    }

    [Fact]
    public void An_edit_made_by_hand_is_added_after_the_existing_ones()
    {
        var existing = new Intervention(1, 0, InterventionTarget.Hidden, InterventionAction.Ablate);
        var editor = RenderEditor(Lstm, existing);

        Fill(editor, "1", "c", "3", "Clamp", "-0.76", "13");

        var added = Assert.Single(_changes);
        Assert.Equal([existing, new Intervention(0, 3, InterventionTarget.Cell, InterventionAction.Clamp, -0.76f, From: 13)], added);
        Assert.Empty(editor.FindAll("[data-testid=edit-error]"));
    }

    [Fact]
    public void An_ablation_takes_no_value_and_starts_at_0_by_default()
    {
        var editor = RenderEditor(Lstm);

        Fill(editor, "2", "h", "1", "Ablate", "", "");

        Assert.Equal([new Intervention(1, 1, InterventionTarget.Hidden, InterventionAction.Ablate)], Assert.Single(_changes));
    }

    [Theory]
    [InlineData("3", "h", "0", "Clamp", "1", "the model has layers 1 to 2; there is no layer 3")]
    [InlineData("1", "h", "4", "Scale", "2", "units 0 to 3; there is no unit 4")]
    [InlineData("1", "h", "0", "Clamp", "lots", "'lots' is not a finite number")]
    [InlineData("0", "h", "0", "Clamp", "1", "layers are numbered from 1")]
    public void A_bad_edit_is_refused_with_the_clis_message_and_nothing_is_added(string layer, string kind, string unit, string action, string value, string expected)
    {
        var editor = RenderEditor(Lstm);

        Fill(editor, layer, kind, unit, action, value, "");

        Assert.Empty(_changes);
        Assert.Contains(expected, editor.Find("[data-testid=edit-error]").TextContent);
    }

    [Fact]
    public void A_gru_is_offered_h_only()
    {
        var editor = RenderEditor(new ModelConfig(CellType.Gru, Layers: 1, Hidden: 4));

        Assert.Equal(["h"], editor.FindAll("select[data-testid=edit-kind] option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void Each_chip_removes_its_own_edit()
    {
        Intervention a = new(0, 1, InterventionTarget.Cell, InterventionAction.Clamp, 2f), b = new(1, 2, InterventionTarget.Hidden, InterventionAction.Scale, 0.5f, 9);
        var editor = RenderEditor(Lstm, a, b);

        Assert.Equal(["clamp 1:c:1=2", "scale 2:h:2=0.5@9"], editor.FindAll("[data-testid=edit-chip]").Select(c => c.TextContent.Replace("×", "").Trim()));
        editor.FindAll("[data-testid=edit-remove]")[0].Click();

        Assert.Equal([b], Assert.Single(_changes));
    }
}
