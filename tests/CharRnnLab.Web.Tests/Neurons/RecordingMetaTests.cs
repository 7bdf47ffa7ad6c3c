using System.Text.Json;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

public sealed class RecordingMetaTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_metadata_carries_the_scales_the_glyphs_the_palette_and_each_kinds_mapping()
    {
        var recording = SyntheticRecordings.Make("ab c\n\td", layers: 2, units: 3);

        var meta = RecordingMeta.For(recording, "http://lab:5000/");

        Assert.Equal("http://lab:5000/api/recordings/synthetic", meta.Base);
        Assert.Equal((7, 3), (meta.Characters, meta.Units));
        Assert.Equal([1, 2], meta.Layers);
        Assert.Equal(ActivationEncoding.ProbabilityScale, meta.ProbabilityScale);
        Assert.Equal(ActivationEncoding.NoProbability, meta.NoProbability);
        Assert.Equal(ActivationEncoding.Levels, meta.Levels);
        Assert.Same(ActivationColours.Palette, meta.Palette);
        Assert.Same(SymbolGlyphs.Table, meta.Glyphs);
        var gate = meta.Kinds.Single(k => k.Name == "forget_gate");
        Assert.Equal(("f", 2.0, -1.0, false), (gate.Symbol, gate.Mapping.Gain, gate.Mapping.Offset, gate.Mapping.PerUnitMax));
        Assert.True(meta.Kinds.Single(k => k.Name == "cell").Mapping.PerUnitMax);
        Assert.Equal(ActivationKinds.For(Core.Model.CellType.Lstm).Select(ActivationKinds.ShortName), meta.Kinds.Select(k => k.Name));
    }

    [Fact]
    public void The_json_the_browser_reads_names_the_fields_as_neurons_js_does()
    {
        var json = JsonSerializer.SerializeToElement(RecordingMeta.For(SyntheticRecordings.Make("a b"), "/"), Web);

        Assert.Equal(65534, json.GetProperty("probabilityScale").GetInt32());
        Assert.Equal(255, json.GetProperty("levels").GetInt32());
        Assert.Equal("·", json.GetProperty("glyphs").GetProperty(" ").GetString());
        var mapping = json.GetProperty("kinds")[0].GetProperty("mapping");
        Assert.Equal(["name", "gain", "offset", "perUnitMax"], mapping.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData(ActivationKind.ForgetGate, 0.25, 8.0, -0.5)]
    [InlineData(ActivationKind.Cell, -2.0, 8.0, -0.25)]
    [InlineData(ActivationKind.Cell, 1.0, 0.0, 0.0)] // a unit that never moves is white
    [InlineData(ActivationKind.Hidden, 0.3, 8.0, 0.3)]
    public void The_parameters_give_the_server_s_own_mapping(ActivationKind kind, double value, double unitMax, double expected)
    {
        var parameters = ActivationColours.Parameters(ActivationColours.MappingOf(kind));

        Assert.Equal(expected, parameters.Apply(value, unitMax), 9);
        Assert.Equal(ActivationColours.Normalize(kind, value, unitMax), parameters.Apply(value, unitMax), 9);
    }
}
