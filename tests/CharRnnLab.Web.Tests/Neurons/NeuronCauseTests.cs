using System.Net;
using System.Text.Json;
using CharRnnLab.Core.Analysis.Influence;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Neurons;

/// <summary>The questions the Neurons page asks of a recording's model answer what Core computes for the same weights and text.</summary>
public sealed class NeuronCauseTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    private const int Characters = 800;

    // Expectations are computed on the lab's lane too: the same libtorch thread settings give the same bits.
    private CharRnnLab.Core.Compute.ComputeLane Lane => fixture.Lab.Service<RunManager>().Lane;

    private Task<NeuronRecording> RecordAsync() =>
        fixture.Lab.Service<NeuronLab>().RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters));

    [Fact]
    public async Task Influence_on_a_clicked_character_is_cores_gradient_norm_in_text_order()
    {
        var recording = await RecordAsync();
        var influence = fixture.Lab.Service<NeuronInfluence>();

        var far = await influence.AtAsync(recording, 500);
        var near = await influence.AtAsync(recording, 40); // fewer than the span before it

        var expected = await Lane.Run(() => InfluenceAnalyzer.At(recording.Weights!, recording.Recording.Text, 500, NeuronInfluence.Span));
        Assert.Equal((500, 200, 500), (far.Position, far.Overlay.Start, far.Overlay.Target));
        Assert.Equal(Enumerable.Reverse(expected.Norms).Select(n => (float)n), far.Overlay.Values); // values[j] is position start + j
        Assert.Equal(expected.LogProbability, far.LogProbability);
        Assert.Equal(recording.Recording.Symbols[500], far.Symbol);
        Assert.Equal("one-hot", far.InputKind);
        Assert.Equal((0, 40), (near.Overlay.Start, near.Overlay.Values.Length));
        var nearExpected = await Lane.Run(() => InfluenceAnalyzer.At(recording.Weights!, recording.Recording.Text, 40));
        Assert.Equal((float)nearExpected.Norms[0], near.Overlay.Values[^1]); // distance 1: the character just before
        Assert.True(far.Overlay.Largest > 0);
    }

    [Fact]
    public async Task Influence_is_refused_for_the_first_character_and_past_the_end()
    {
        var recording = await RecordAsync();
        var influence = fixture.Lab.Service<NeuronInfluence>();

        Assert.Contains("nothing before it", (await Assert.ThrowsAsync<LabException>(() => influence.AtAsync(recording, 0))).Message);
        Assert.Contains("the text has 800", (await Assert.ThrowsAsync<LabException>(() => influence.AtAsync(recording, Characters))).Message);
    }

    [Fact]
    public async Task The_influence_endpoint_serves_the_overlay_and_refuses_position_zero_with_the_message()
    {
        var recording = await RecordAsync();
        using var http = new HttpClient { BaseAddress = fixture.Lab.BaseAddress };

        using var json = JsonDocument.Parse(await http.GetStringAsync($"api/recordings/{recording.Id}/influence/300"));
        var refused = await http.GetAsync($"api/recordings/{recording.Id}/influence/0");

        var expected = await fixture.Lab.Service<NeuronInfluence>().AtAsync(recording, 300);
        var overlay = json.RootElement.GetProperty("overlay");
        Assert.Equal(300, json.RootElement.GetProperty("position").GetInt32());
        Assert.Equal(("influence", 0, 300), (overlay.GetProperty("name").GetString(), overlay.GetProperty("start").GetInt32(), overlay.GetProperty("target").GetInt32()));
        Assert.Equal(expected.Overlay.Values, overlay.GetProperty("values").EnumerateArray().Select(v => v.GetSingle()));
        Assert.True(overlay.GetProperty("mapping").GetProperty("perUnitMax").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("nothing before it", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_runs_memory_span_is_cores_chart_over_its_own_validation_slice()
    {
        var runs = fixture.Lab.Service<RunManager>();
        var run = runs.Get(fixture.RunId);

        var measured = await fixture.Lab.Service<MemorySpanLoader>().MeasureAsync(fixture.RunId);

        var weights = await fixture.Lab.Service<RunFiles>().WeightsAsync(run.Id, null, CancellationToken.None);
        var text = await fixture.Lab.Service<NeuronTexts>().ResolveAsync(run, new NeuronTextRequest(), weights.Vocabulary, CancellationToken.None);
        var expected = await Lane.Run(() => MemorySpan.Chart(weights, text.Text, MemorySpanLoader.Span, MemorySpanLoader.Positions, MemorySpanLoader.WarmUp));
        Assert.Equal(expected.MeanNorms, measured.Chart.MeanNorms);
        Assert.Equal(expected.Positions, measured.Chart.Positions);
        Assert.Equal(MemorySpanLoader.Span, measured.Chart.MeanNorms.Length);
        Assert.Equal(text.Description, measured.TextDescription);
        Assert.Equal(run.Id, measured.Run.Id);
    }

    [Fact]
    public async Task A_memory_span_is_refused_for_an_unknown_run_by_name()
    {
        var error = await Assert.ThrowsAsync<LabException>(() => fixture.Lab.Service<MemorySpanLoader>().MeasureAsync("no-such-run"));
        Assert.Contains("no-such-run", error.Message);
    }
}
