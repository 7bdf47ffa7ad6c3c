using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Core.Tests.Benchmarks;

public sealed class RunDurationTests
{
    private static RunConfig Config(int iterations, int evalEvery, int evalBatches = 3) => new(
        new ModelConfig(Layers: 2, Hidden: 4),
        RunConfig.Default.Training with { Batch = 2, Seq = 3, Iterations = iterations, EvalEvery = evalEvery, EvalBatches = evalBatches });

    /// <summary>The run as the training loop makes it: a trained minibatch per iteration, a validation pass every
    /// EvalEvery iterations and after the last one.</summary>
    private static double Naive(RunConfig config, int vocabulary)
    {
        var t = config.Training;
        double total = 0;
        for (int iteration = 1; iteration <= t.Iterations; iteration++)
        {
            total += t.Batch * t.Seq * ModelFlops.Training(config.Model, vocabulary);
            if (t.EvalEvery > 0 && (iteration % t.EvalEvery == 0 || iteration == t.Iterations))
                total += t.EvalBatches * t.Batch * t.Seq * ModelFlops.Forward(config.Model, vocabulary);
        }
        return total;
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 5)]
    [InlineData(11, 5)]
    [InlineData(3, 7)]
    public void The_work_is_every_trained_minibatch_and_every_validation_pass(int iterations, int evalEvery)
    {
        var config = Config(iterations, evalEvery);

        Assert.Equal(Naive(config, vocabulary: 5), RunDuration.Flops(config, vocabulary: 5), 6);
    }

    [Fact]
    public void The_time_is_the_work_at_the_rate()
    {
        var config = Config(20, 10);

        var time = RunDuration.At(config, 5, flopsPerSecond: 1e6);

        Assert.Equal(RunDuration.Flops(config, 5) / 1e6, time.TotalSeconds, 6);
        Assert.Equal(2 * time.TotalSeconds, RunDuration.At(Config(40, 10), 5, 1e6).TotalSeconds, 6);
    }

    [Fact]
    public void A_run_given_in_epochs_has_no_known_length()
    {
        var error = Assert.Throws<ArgumentException>(() => RunDuration.Flops(RunConfig.Default, 5));

        Assert.Contains("epochs", error.Message);
    }
}
