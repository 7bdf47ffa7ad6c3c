using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

public class RecorderValidationTests
{
    private readonly ModelWeights _gru = TestModels.Random(CellType.Gru, 2, hidden: 3, vocabulary: 4);

    [Fact]
    public void Symbols_outside_the_vocabulary_are_named()
    {
        var error = Assert.Throws<CharRnnException>(() => ActivationRecorder.Record(_gru, "abcz"));
        Assert.Contains("'z'", error.Message);
    }

    [Fact]
    public void Empty_text_is_refused() =>
        Assert.Contains("empty", Assert.Throws<CharRnnException>(() => ActivationRecorder.Record(_gru, "")).Message);

    [Fact]
    public void Kinds_the_cell_type_lacks_are_refused_with_the_kinds_it_has()
    {
        var error = Assert.Throws<ConfigException>(() =>
            ActivationRecorder.Record(_gru, "abc", new RecordingOptions { Kinds = [ActivationKind.Cell] }));
        Assert.Contains("GRU layer has no cell values", error.Message);
        Assert.Contains("hidden, reset_gate, update_gate, new_gate", error.Message);
    }

    [Fact]
    public void Layers_are_named_from_one_in_messages()
    {
        var error = Assert.Throws<ConfigException>(() => ActivationRecorder.Record(_gru, "abc", new RecordingOptions { Layers = [2] }));
        Assert.Contains("layers 1 to 2; there is no layer 3", error.Message);
    }

    [Fact]
    public void Weights_that_do_not_fit_their_configuration_are_refused()
    {
        var broken = _gru with { HeadBias = new float[3] };
        var error = Assert.Throws<CheckpointException>(() => ActivationRecorder.Record(broken, "abc"));
        Assert.Contains("3 output bias values, expected 4", error.Message);
    }

    [Fact]
    public void Only_the_chosen_layers_and_kinds_are_kept()
    {
        var recording = ActivationRecorder.Record(_gru, "abcabc",
            new RecordingOptions { Layers = [1], Kinds = [ActivationKind.UpdateGate] });

        Assert.Equal([(1, ActivationKind.UpdateGate)], recording.AllValues().Keys);
        Assert.Equal([1], recording.RecordedLayers);
        Assert.Throws<CharRnnException>(() => recording.Get(0, ActivationKind.Hidden));
    }
}
