using CharRnnLab.Core.Model.Stepping;
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
        var weights = Core.Checkpoints.CheckpointFile.LoadWeights(fixture.Lab.Service<RunManager>().RunDirectory(fixture.RunId));

        string plain = new Core.Sampling.Sampler(weights).GenerateText(new Core.Sampling.SampleOptions(200, 0, "the "));

        Assert.Equal(plain, lab.Text);
    }
}
