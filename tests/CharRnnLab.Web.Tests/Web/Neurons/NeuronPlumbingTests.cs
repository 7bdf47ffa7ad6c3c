using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

/// <summary>The small rules of the Neurons page: where the text starts, stepping through cells, the cache.</summary>
public sealed class NeuronPlumbingTests
{
    [Fact]
    public void The_default_slice_starts_at_the_validation_split_when_it_is_long_enough()
    {
        Assert.Equal((950_000, 950_000), NeuronTexts.SliceStart(1_000_000, 10_000, 0.05));
    }

    [Fact]
    public void A_short_validation_split_is_extended_backwards_so_the_slice_ends_with_the_corpus()
    {
        Assert.Equal((10_000, 19_000), NeuronTexts.SliceStart(20_000, 10_000, 0.05));
        Assert.Equal((0, 5_700), NeuronTexts.SliceStart(6_000, 10_000, 0.05));
    }

    [Fact]
    public void Stepping_goes_through_a_layers_units_then_the_next_layer_and_wraps()
    {
        var last = new CellId(0, ActivationKind.Hidden, 3);

        Assert.Equal(new CellId(1, ActivationKind.Hidden, 0), CellLabels.Step(last, +1, layers: 2, units: 4));
        Assert.Equal(new CellId(0, ActivationKind.Hidden, 2), CellLabels.Step(last, -1, layers: 2, units: 4));
        Assert.Equal(new CellId(0, ActivationKind.Hidden, 0), CellLabels.Step(new CellId(1, ActivationKind.Hidden, 3), +1, 2, 4));
        Assert.Equal(new CellId(1, ActivationKind.Hidden, 3), CellLabels.Step(new CellId(0, ActivationKind.Hidden, 0), -1, 2, 4));
    }

    [Fact]
    public void The_cache_drops_the_least_recently_used_recording_once_over_budget()
    {
        var a = SyntheticRecordings.Make("abcdef", id: "a");
        var b = SyntheticRecordings.Make("abcdef", id: "b");
        var c = SyntheticRecordings.Make("abcdef", id: "c");
        var cache = new RecordingCache(maxBytes: 2 * a.Bytes);

        cache.Add(a);
        cache.Add(b);
        Assert.Same(a, cache.Find("a")); // a is now the most recently used
        cache.Add(c);

        Assert.Null(cache.Find("b"));
        Assert.Same(a, cache.Find("a"));
        Assert.Same(c, cache.Find("c"));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_recording_id_depends_on_run_weights_mode_and_text()
    {
        string id = NeuronLab.RecordingId("run-1", 100, false, "text");

        Assert.Equal(24, id.Length);
        Assert.Equal(id, NeuronLab.RecordingId("run-1", 100, false, "text"));
        Assert.NotEqual(id, NeuronLab.RecordingId("run-1", 101, false, "text"));
        Assert.NotEqual(id, NeuronLab.RecordingId("run-1", 100, true, "text"));
        Assert.NotEqual(id, NeuronLab.RecordingId("run-1", 100, false, "text!"));
    }
}
