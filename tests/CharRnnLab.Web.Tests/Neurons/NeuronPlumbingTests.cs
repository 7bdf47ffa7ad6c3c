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
    public void A_cells_data_attribute_names_layer_from_one_kind_and_unit_and_parses_back()
    {
        var cell = new CellId(1, ActivationKind.TanhCell, 117);

        Assert.Equal("2/tanh_cell/117", CellLabels.DataCell(cell));
        Assert.Equal(cell, CellLabels.ParseDataCell(2, "tanh_cell", 117));
        Assert.Null(CellLabels.ParseDataCell(0, "tanh_cell", 1));
        Assert.Null(CellLabels.ParseDataCell(1, "memory", 1));
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
