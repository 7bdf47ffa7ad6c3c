using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Interventions;

public class InterventionSyntaxTests
{
    [Theory]
    [InlineData("1:c:5=0.9", InterventionAction.Clamp, 0, 5, InterventionTarget.Cell, 0.9f, 0)]
    [InlineData("2:h:17=-3e-1@40", InterventionAction.Clamp, 1, 17, InterventionTarget.Hidden, -0.3f, 40)]
    [InlineData(" 1 : H : 0 = 2 @ 3 ", InterventionAction.Scale, 0, 0, InterventionTarget.Hidden, 2f, 3)]
    [InlineData("3:c:7@12", InterventionAction.Ablate, 2, 7, InterventionTarget.Cell, 0f, 12)]
    public void Parses_layer_from_1_unit_from_0_value_and_start(string text, InterventionAction action,
        int layer, int unit, InterventionTarget target, float value, int from)
    {
        Assert.True(InterventionSyntax.TryParse(text, action, out var parsed, out string error), error);
        Assert.Equal(new Intervention(layer, unit, target, action, value, from), parsed);
    }

    [Theory]
    [InlineData("1:c:5=0.9@10", InterventionAction.Clamp)]
    [InlineData("2:h:3=1.5", InterventionAction.Scale)]
    [InlineData("1:h:0", InterventionAction.Ablate)]
    public void Format_round_trips(string text, InterventionAction action)
    {
        Assert.True(InterventionSyntax.TryParse(text, action, out var parsed, out _));
        Assert.Equal(text, InterventionSyntax.Format(parsed!));
    }

    [Theory]
    [InlineData("0:c:1=1", InterventionAction.Clamp, "numbered from 1")]
    [InlineData("1:x:1=1", InterventionAction.Clamp, "KIND must be c")]
    [InlineData("1:c:1", InterventionAction.Clamp, "L:KIND:UNIT=VALUE[@FROM]")]
    [InlineData("1:c:1=abc", InterventionAction.Scale, "'abc' is not a finite number")]
    [InlineData("1:c:1=NaN", InterventionAction.Clamp, "not a finite number")]
    [InlineData("1:c:1=2", InterventionAction.Ablate, "ablate takes no value")]
    [InlineData("c:1", InterventionAction.Ablate, "L:KIND:UNIT[@FROM]")]
    public void Mistakes_say_what_is_wrong(string text, InterventionAction action, string expected)
    {
        Assert.False(InterventionSyntax.TryParse(text, action, out var parsed, out string error));
        Assert.Null(parsed);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_set_refuses_units_and_layers_the_model_does_not_have()
    {
        var config = new ModelConfig(CellType.Lstm, Layers: 2, Hidden: 4);
        var unit = Assert.Throws<ConfigException>(() => new InterventionSet(config,
            [new Intervention(1, 4, InterventionTarget.Hidden, InterventionAction.Clamp, 1f)]));
        Assert.Contains("units 0 to 3", unit.Message);
        var layer = Assert.Throws<ConfigException>(() => new InterventionSet(config,
            [new Intervention(2, 0, InterventionTarget.Hidden, InterventionAction.Ablate)]));
        Assert.Contains("ablate 3:h:0: the model has layers 1 to 2", layer.Message);
    }

    [Theory]
    [InlineData("1:c:62=-0.76@13", InterventionAction.Clamp, 0, 62, InterventionTarget.Cell, -0.76f, 13)]
    [InlineData("clamp:1:c:62=-0.76@13", InterventionAction.Clamp, 0, 62, InterventionTarget.Cell, -0.76f, 13)]
    [InlineData("clamp 2:h:3=1", InterventionAction.Clamp, 1, 3, InterventionTarget.Hidden, 1f, 0)]
    [InlineData("ablate:1:h:5", InterventionAction.Ablate, 0, 5, InterventionTarget.Hidden, 0f, 0)]
    [InlineData("Scale:2:c:40=0.5@7", InterventionAction.Scale, 1, 40, InterventionTarget.Cell, 0.5f, 7)]
    public void An_edit_names_its_verb_or_is_a_clamp(string text, InterventionAction action,
        int layer, int unit, InterventionTarget target, float value, int from)
    {
        Assert.True(InterventionSyntax.TryParseEdit(text, out var parsed, out string error), error);
        Assert.Equal(new Intervention(layer, unit, target, action, value, from), parsed);
    }

    [Theory]
    [InlineData("1:c:62=-0.76@13")]
    [InlineData("ablate:1:h:5")]
    [InlineData("scale:2:c:40=0.5@7")]
    public void FormatEdit_round_trips(string text)
    {
        Assert.True(InterventionSyntax.TryParseEdit(text, out var parsed, out _));
        Assert.Equal(text, InterventionSyntax.FormatEdit(parsed!));
    }

    [Theory]
    [InlineData("ablate:1:h:5=2", "ablate takes no value")]
    [InlineData("mute:1:h:5", "is not L:KIND:UNIT=VALUE[@FROM]")]
    [InlineData("clamp:1:c:5", "is not L:KIND:UNIT=VALUE[@FROM]")]
    public void A_bad_edit_says_what_is_wrong(string text, string expected)
    {
        Assert.False(InterventionSyntax.TryParseEdit(text, out var parsed, out string error));
        Assert.Null(parsed);
        Assert.Contains(expected, error);
    }
}
