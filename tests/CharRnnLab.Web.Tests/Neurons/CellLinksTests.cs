using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Neurons;

/// <summary>The cell page's address, its text query and the "clamp this" link.</summary>
public sealed class CellLinksTests
{
    private static readonly CellId QuoteCell = new(0, ActivationKind.Cell, 62);

    [Fact]
    public void A_cell_page_is_run_layer_from_one_kind_by_short_name_and_unit()
    {
        Assert.Equal("/runs/abc/cells/1/cell/62", CellLinks.Page("abc", QuoteCell));
        Assert.Equal("/runs/abc/cells/2/tanh_cell/7", CellLinks.Page("abc", new CellId(1, ActivationKind.TanhCell, 7), CellTextChoice.Default));
        Assert.Equal(new CellId(1, ActivationKind.ForgetGate, 3), CellLabels.ParseDataCell(2, "f", 3)); // the paper symbol is read too
    }

    [Fact]
    public void The_clamp_link_is_the_run_page_with_the_edit_in_the_command_line_syntax()
    {
        Assert.Equal("/runs/abc?edit=1:c:62=-0.76", CellLinks.Clamp("abc", new Intervention(0, 62, InterventionTarget.Cell, InterventionAction.Clamp, -0.76f)));
        Assert.Equal("/runs/abc?edit=2:h:5=1E%2B06", CellLinks.Clamp("abc", new Intervention(1, 5, InterventionTarget.Hidden, InterventionAction.Clamp, 1e6f)));
    }

    [Theory]
    [InlineData(NeuronTextSource.Validation, 10_000, false, null, "")]
    [InlineData(NeuronTextSource.Validation, 2_000, true, null, "length=2000&exact=true")]
    [InlineData(NeuronTextSource.Sample, 10_000, false, null, "text=sample")]
    [InlineData(NeuronTextSource.OtherCorpus, 10_000, false, "dialogue", "text=corpus%3Adialogue")]
    public void Every_text_source_but_pasted_text_round_trips_through_the_query(NeuronTextSource source, int length, bool exact, string? corpus, string query)
    {
        var choice = new CellTextChoice(new NeuronTextRequest(source, length, Exact: exact, CorpusId: corpus));

        Assert.Equal(query, CellTextQuery.Format(choice));
        var values = System.Web.HttpUtility.ParseQueryString(query);
        Assert.Equal(choice, CellTextQuery.Parse(values["text"], values["length"] is { } l ? int.Parse(l) : null, values["exact"] is { } e ? bool.Parse(e) : null));
    }

    [Fact]
    public void A_pasted_text_goes_by_its_recording_and_an_unknown_source_is_refused_naming_the_ones_there_are()
    {
        var pasted = CellTextChoice.Of(new NeuronTextRequest(NeuronTextSource.Pasted, Pasted: "the cat"), "3f0c");

        Assert.Equal("3f0c", pasted.RecordingId);
        Assert.Equal("text=recording%3A3f0c", CellTextQuery.Format(pasted));
        Assert.Equal(pasted, CellTextQuery.Parse("recording:3f0c", null, null));
        Assert.Null(CellTextChoice.Of(new NeuronTextRequest(NeuronTextSource.Sample, 500), "3f0c").RecordingId);
        var error = Assert.Throws<LabException>(() => CellTextQuery.Parse("pasted", null, null));
        Assert.Contains("text=validation", error.Message);
        Assert.Contains("text=corpus:ID", error.Message);
    }
}
