using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Hubs;

/// <summary>The hub's SampleEdited (docs/signalr.md) with a real SignalR client over a trained tiny run.</summary>
public sealed class SampleEditedHubTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>, IAsyncLifetime
{
    private HubConnection _hub = null!;

    public async Task InitializeAsync() => _hub = await fixture.Lab.ConnectAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Edits_in_the_cli_syntax_give_the_paired_result_of_the_lab_sampler()
    {
        string[] edits = ["1:c:3=2.5@6", "ablate:1:h:7", "scale 1:h:2=-1"];

        var result = await _hub.InvokeAsync<PairedSampleResult>("SampleEdited", fixture.RunId, 0.9, "the ", 60, 5, edits);

        var expected = await fixture.Lab.Service<RunSampler>().SamplePairedAsync(fixture.RunId, 0.9, "the ", 60, 5,
        [
            new Intervention(0, 3, InterventionTarget.Cell, InterventionAction.Clamp, 2.5f, 6),
            new Intervention(0, 7, InterventionTarget.Hidden, InterventionAction.Ablate),
            new Intervention(0, 2, InterventionTarget.Hidden, InterventionAction.Scale, -1f),
        ]);
        Assert.Equal(expected.Unedited.Text, result.Unedited.Text);
        Assert.Equal(expected.Edited.Text, result.Edited.Text);
        Assert.Equal(expected.FirstDivergence, result.FirstDivergence);
        Assert.Equal(expected.Kl, result.Kl);
        Assert.Equal(5, result.Seed);
        Assert.Equal(["clamp 1:c:3=2.5@6", "ablate 1:h:7", "scale 1:h:2=-1"], result.Interventions);
        Assert.All(result.Edited.Symbols, s => Assert.InRange(s.Candidates.Count, 1, RunSampler.CandidateCount));
    }

    [Fact]
    public async Task A_bad_edit_is_refused_by_name_and_the_connection_stays_usable()
    {
        var syntax = await Assert.ThrowsAsync<HubException>(() =>
            _hub.InvokeAsync<PairedSampleResult>("SampleEdited", fixture.RunId, 1.0, "", 20, 1, new[] { "1:c:3=1", "1:x:3=1" }));
        var model = await Assert.ThrowsAsync<HubException>(() =>
            _hub.InvokeAsync<PairedSampleResult>("SampleEdited", fixture.RunId, 1.0, "", 20, 1, new[] { "2:h:0=1" }));

        Assert.Contains("'1:x:3=1': KIND must be c", syntax.Message);
        Assert.Contains("the model has layers 1 to 1; there is no layer 2", model.Message);
        var plain = await _hub.InvokeAsync<SampleResult>("Sample", fixture.RunId, 1.0, "", 20, 1);
        Assert.Equal(20, plain.Symbols.Count);
    }
}
