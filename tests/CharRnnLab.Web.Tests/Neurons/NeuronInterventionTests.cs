using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Neurons;

/// <summary>Recording under edits and the ablation ranking, as the Neurons page asks for them, answer what Core computes.</summary>
public sealed class NeuronInterventionTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    private const int Characters = 800;

    private CharRnnLab.Core.Compute.ComputeLane Lane => fixture.Lab.Service<RunManager>().Lane;

    private Task<NeuronRecording> RecordAsync(bool exact = false) => fixture.Lab.Service<NeuronLab>()
        .RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters, Exact: exact));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Edits_change_nothing_before_from_and_match_two_recorder_passes(bool exact)
    {
        var recording = await RecordAsync(exact);
        Intervention[] edits = [new(0, 3, InterventionTarget.Cell, InterventionAction.Clamp, 2f, 300)];

        var result = await fixture.Lab.Service<NeuronEdits>().MeasureAsync(recording, edits);

        var options = (exact ? RecordingOptions.Exact : new RecordingOptions()) with { Kinds = [ActivationKind.Hidden] };
        var expected = await Lane.Run(() => EditEffect.Compare(
            ActivationRecorder.Record(recording.Weights!, recording.Recording.Text, options).Guesses.NextSymbolProbability,
            ActivationRecorder.Record(recording.Weights!, recording.Recording.Text, options with { Interventions = edits }).Guesses.NextSymbolProbability,
            recording.Recording.Symbols, FeatureClasses.All));
        Assert.Equal(expected.LogProbabilityChange, result.Effect.LogProbabilityChange);
        Assert.Equal(expected.Classes, result.Effect.Classes);
        Assert.All(result.Effect.LogProbabilityChange[..300], d => Assert.Equal(0f, d));
        Assert.Contains(result.Effect.LogProbabilityChange[300..], d => d != 0);
        Assert.Equal((EditOverlay.Name, 1, Characters - 1), (result.Overlay.Name, result.Overlay.Start, result.Overlay.Values.Length));
        Assert.Equal(edits, result.Edits);
    }

    [Fact]
    public async Task An_edit_of_a_unit_the_model_lacks_is_refused_by_name_before_any_work()
    {
        var recording = await RecordAsync();

        var error = await Assert.ThrowsAsync<CharRnnLab.Core.ConfigException>(() => fixture.Lab.Service<NeuronEdits>()
            .MeasureAsync(recording, [new Intervention(0, 99, InterventionTarget.Hidden, InterventionAction.Ablate)]));

        Assert.Contains("there is no unit 99", error.Message);
    }

    [Fact]
    public async Task The_ablation_ranking_is_cores_beside_the_recordings_correlations_and_reports_progress()
    {
        var recording = await RecordAsync();
        var reported = new List<double>();

        var comparison = await fixture.Lab.Service<NeuronAblation>().RankAsync(recording, 0, InterventionTarget.Cell, new ProgressLog(reported.Add));

        var expected = await Lane.Run(() => AblationRanker.Rank(recording.Weights!, recording.Recording.Text, 0, InterventionTarget.Cell, FeatureClasses.All));
        Assert.Equal(expected.Units.Select(u => (u.Unit, u.LossChange)), comparison.Ranking.Units.Select(u => (u.Unit, u.LossChange)));
        Assert.Equal(expected.Classes, comparison.Ranking.Classes);
        var quote = CorrelationRanker.Correlations(recording.Recording.Get(0, ActivationKind.Cell), recording.Recording.Units,
            new QuoteTrack().Compute(recording.Recording.Symbols));
        Assert.Equal(quote, comparison.Correlations["quote"]);
        Assert.Equal(FeatureClasses.All.Select(c => c.Name), comparison.Correlations.Keys);
        Assert.Equal(1.0, reported[^1], 9);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.Lab.Service<NeuronAblation>().RankAsync(recording, 0, InterventionTarget.Hidden, cancel: cancelled.Token));
    }

    private sealed class ProgressLog(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
