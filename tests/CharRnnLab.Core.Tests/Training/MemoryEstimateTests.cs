using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Training;

public sealed class MemoryEstimateTests
{
    private static RunConfig Config(int layers = 1, int hidden = 4, int batch = 2, int seq = 3, OptimizerKind optimizer = OptimizerKind.Adam) =>
        new(new ModelConfig(CellType.Lstm, layers, hidden), RunConfig.Default.Training with { Batch = batch, Seq = seq, Optimizer = optimizer });

    [Fact]
    public void Weights_gradients_and_Adams_two_moments_are_counted_from_the_parameter_layout()
    {
        var estimate = MemoryEstimate.For(Config(), vocabularySize: 5);

        long weights = ParameterLayout.ParameterCount(new ModelConfig(CellType.Lstm, 1, 4), 5) * sizeof(float);
        Assert.Equal((weights, weights, 2 * weights), (estimate.Weights, estimate.Gradients, estimate.OptimizerState));
        Assert.Equal(weights, MemoryEstimate.For(Config(optimizer: OptimizerKind.RmsProp), 5).OptimizerState);
    }

    [Fact]
    public void Activations_grow_with_batch_times_sequence_and_with_layers()
    {
        long one = MemoryEstimate.For(Config(), 5).Activations;

        // Per position: 2 × layers × (4 gates + 3) × hidden for the recurrent layers, plus one-hot input and 3 × vocabulary for the head.
        Assert.Equal(2L * 3 * (2 * 1 * 7 * 4 + 5 + 15) * sizeof(float), one);
        Assert.Equal(4 * one, MemoryEstimate.For(Config(batch: 4, seq: 6), 5).Activations);
        Assert.True(MemoryEstimate.For(Config(layers: 2), 5).Activations > one);
        Assert.Equal(one + MemoryEstimate.For(Config(), 5).Weights * 4, MemoryEstimate.For(Config(), 5).Total);
    }

    [Fact]
    public void A_run_far_beyond_any_machine_is_estimated_in_hundreds_of_gigabytes_without_overflow()
    {
        var estimate = MemoryEstimate.For(Config(layers: 8, hidden: 2048, batch: 1024, seq: 1000), 100);

        Assert.InRange(estimate.Total, 400L << 30, 1L << 50);
        Assert.Contains("GB", estimate.Describe());
        Assert.Contains("activations", estimate.Describe());
    }
}
