using CharRnnLab.Core;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>Which stepper the lab samples with: half precision always, every core only while nothing trains.</summary>
public sealed class RunSamplerTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    [Fact]
    public void With_no_run_training_sampling_uses_half_precision_on_every_core()
    {
        var stepper = fixture.Lab.Service<RunSampler>().Stepper;

        Assert.Equal(new StepperOptions(WeightPrecision.Float16, Environment.ProcessorCount), stepper);
    }

    [Fact]
    public async Task Greedy_text_from_the_lab_equals_the_plain_float32_sampler()
    {
        var lab = await fixture.Lab.Service<RunSampler>().SampleAsync(fixture.RunId, 0, "the ", 200, seed: 1);
        var weights = CheckpointFile.LoadWeights(fixture.Lab.Service<RunManager>().RunDirectory(fixture.RunId));

        string plain = new Sampler(weights).GenerateText(new SampleOptions(200, 0, "the "));

        Assert.Equal(plain, lab.Text);
    }

    [Fact]
    public async Task A_sample_served_from_the_ones_prepared_ahead_equals_the_same_sample_taken_on_request()
    {
        var sampler = fixture.Lab.Service<RunSampler>();
        var ahead = fixture.Lab.Service<SampleAhead>();
        var runs = fixture.Lab.Service<RunManager>();
        await Poll.UntilAsync(() => runs.Live(fixture.RunId) is null, "the completed run to leave the live ones (its checkpoint is then sampled)", seconds: 30, intervalMs: 20);
        await sampler.SampleAsync(fixture.RunId, 1.0, "the ", 120, seed: 3);
        await ahead.Preparing.WaitAsync(TimeSpan.FromSeconds(60));
        var weights = await fixture.Lab.Service<RunFiles>().WeightsAsync(fixture.RunId, null, CancellationToken.None);
        Assert.NotNull(ahead.TryTake(new SampleFamily(fixture.RunId, weights, "the ", 120, 3), 0.6));

        var served = await sampler.SampleAsync(fixture.RunId, 0.6, "the ", 120, seed: 3);
        ahead.Clear();
        var cold = await sampler.SampleAsync(fixture.RunId, 0.6, "the ", 120, seed: 3);

        Assert.Equal(cold.Text, served.Text);
        Assert.Equal(cold.Symbols.Select(Describe), served.Symbols.Select(Describe));
        Assert.Equal(0.6, served.Temperature);
    }

    private static readonly Intervention[] Edits =
    [
        new(0, 3, InterventionTarget.Cell, InterventionAction.Clamp, 2.5f, From: 6),
        new(0, 7, InterventionTarget.Hidden, InterventionAction.Ablate),
    ];

    [Fact]
    public async Task A_paired_sample_from_the_lab_equals_Cores_paired_sampler_for_the_same_seed()
    {
        var lab = await fixture.Lab.Service<RunSampler>().SamplePairedAsync(fixture.RunId, 0.8, "the ", 150, seed: 11, Edits);
        var weights = CheckpointFile.LoadWeights(fixture.Lab.Service<RunManager>().RunDirectory(fixture.RunId));

        var core = PairedSampler.Generate(weights, new SampleOptions(150, 0.8, "the ", 11, Candidates: RunSampler.CandidateCount),
            new InterventionSet(weights.Config, Edits), stepper: fixture.Lab.Service<RunSampler>().Stepper);

        Assert.Equal(11, lab.Seed);
        Assert.Equal(core.PlainText, lab.Unedited.Text);
        Assert.Equal(core.EditedText, lab.Edited.Text);
        Assert.Equal(core.FirstDivergence, lab.FirstDivergence);
        Assert.Equal(core.Kl, lab.Kl);
        Assert.Equal(core.Edited.Select(Describe), lab.Edited.Symbols.Select(Describe));
        Assert.Equal(core.Plain.Select(Describe), lab.Unedited.Symbols.Select(Describe));
        Assert.Equal(["clamp 1:c:3=2.5@6", "ablate 1:h:7"], lab.Interventions);
    }

    [Fact]
    public async Task Without_a_seed_one_is_drawn_for_both_and_reported_so_the_pair_can_be_repeated()
    {
        var sampler = fixture.Lab.Service<RunSampler>();
        var first = await sampler.SamplePairedAsync(fixture.RunId, 1.0, "", 80, seed: null, Edits);

        var again = await sampler.SamplePairedAsync(fixture.RunId, 1.0, "", 80, first.Seed, Edits);

        Assert.Equal(first.Unedited.Text, again.Unedited.Text);
        Assert.Equal(first.Edited.Text, again.Edited.Text);
        Assert.Equal(80, first.Kl.Count);
    }

    [Fact]
    public async Task Edits_the_model_cannot_take_are_refused_with_the_clis_message()
    {
        var sampler = fixture.Lab.Service<RunSampler>();

        var unit = await Assert.ThrowsAsync<ConfigException>(() => sampler.SamplePairedAsync(fixture.RunId, 1.0, "", 10, 1,
            [new Intervention(0, 16, InterventionTarget.Hidden, InterventionAction.Clamp, 1f)]));
        var none = await Assert.ThrowsAsync<LabException>(() => sampler.SamplePairedAsync(fixture.RunId, 1.0, "", 10, 1, []));

        Assert.Equal("clamp 1:h:16=1: the model's layers have units 0 to 15; there is no unit 16.", unit.Message);
        Assert.Contains("1 to 64 edits", none.Message);
    }

    private static string Describe(SampledSymbol s) =>
        $"{s.Symbol}:{s.Probability}:{string.Join(",", s.Candidates.Select(c => $"{c.Symbol}={c.Probability}"))}";
}
