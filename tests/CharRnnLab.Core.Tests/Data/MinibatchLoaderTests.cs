using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Tests.Data;

public class MinibatchLoaderTests
{
    private static int[] Sequence(int n) => Enumerable.Range(0, n).ToArray();

    [Fact]
    public void Batches_have_shape_B_by_T_and_targets_are_inputs_shifted_by_one()
    {
        // 100 symbols, 10% validation: train = 0..89, validation = 90..99.
        var loader = new MinibatchLoader(Sequence(100), batch: 2, seq: 4, validationFraction: 0.1);

        Assert.Equal(11, loader.TrainBatches);          // (90 - 1) / (2·4)
        var first = loader.TrainBatch(0);
        Assert.Equal((2, 4), (first.Batch, first.Seq));
        Assert.Equal([0, 1, 2, 3, 44, 45, 46, 47], first.Inputs);   // stream 1 starts at 11·4 = 44
        Assert.Equal([1, 2, 3, 4, 45, 46, 47, 48], first.Targets);
        var second = loader.TrainBatch(1);
        Assert.Equal([4, 5, 6, 7, 48, 49, 50, 51], second.Inputs);  // continues each stream: hidden state carries over
        var last = loader.TrainBatch(10);
        Assert.Equal(88, last.Targets[^1]);       // stream 1 = symbols 44..88
        for (int k = 0; k < loader.TrainBatches; k++)
        {
            var mb = loader.TrainBatch(k);
            for (int i = 0; i < mb.Inputs.Length; i++) Assert.Equal(mb.Inputs[i] + 1, mb.Targets[i]);
        }
    }

    [Fact]
    public void Validation_is_the_tail_of_the_text()
    {
        var loader = new MinibatchLoader(Sequence(100), batch: 2, seq: 4, validationFraction: 0.1);

        Assert.Equal(2, loader.ValidationStreams);       // (10 - 1) / 4 = 2 streams fit
        Assert.Equal(1, loader.ValidationBatches);
        var batch = loader.ValidationBatch(0);
        Assert.Equal([90, 91, 92, 93, 94, 95, 96, 97], batch.Inputs);
        Assert.Equal([91, 92, 93, 94, 95, 96, 97, 98], batch.Targets);
        Assert.DoesNotContain(loader.Train.Symbols, s => s >= 90);
    }

    [Fact]
    public void A_short_validation_split_uses_fewer_streams()
    {
        var loader = new MinibatchLoader(Sequence(1000), batch: 50, seq: 4, validationFraction: 0.01);
        Assert.Equal(2, loader.ValidationStreams); // 10 symbols: (10 - 1) / 4
        Assert.Equal(50, loader.TrainBatch(0).Batch);
    }

    [Fact]
    public void Without_validation_there_are_no_validation_batches()
    {
        var loader = new MinibatchLoader(Sequence(50), batch: 3, seq: 4, validationFraction: 0);
        Assert.Equal(0, loader.ValidationBatches);
        Assert.Null(loader.Validation);
        Assert.Equal(4, loader.TrainBatches);
    }

    [Theory]
    [InlineData(2, 4, 0.1)]
    [InlineData(50, 50, 0.05)]
    [InlineData(3, 7, 0.0)]
    [InlineData(1, 1, 0.5)]
    public void Minimum_length_is_exact(int batch, int seq, double fraction)
    {
        int minimum = MinibatchLoader.MinimumLength(batch, seq, fraction);
        _ = new MinibatchLoader(Sequence(minimum), batch, seq, fraction);
        Assert.Throws<CorpusException>(() => new MinibatchLoader(Sequence(minimum - 1), batch, seq, fraction));
    }

    [Fact]
    public void Too_short_text_says_the_minimum_for_the_settings()
    {
        var error = Assert.Throws<CorpusException>(() => new MinibatchLoader(Sequence(100), batch: 50, seq: 50, validationFraction: 0.05));
        Assert.Contains("has 100 characters", error.Message);
        Assert.Contains($"at least {MinibatchLoader.MinimumLength(50, 50, 0.05):N0} characters", error.Message);
        Assert.Contains("batch 50 × seq 50", error.Message);
    }

    [Theory]
    [InlineData(0, 4, 0.1, "batch")]
    [InlineData(2, 0, 0.1, "seq")]
    [InlineData(2, 4, 0.9, "validation fraction")]
    public void Bad_settings_are_config_errors(int batch, int seq, double fraction, string named)
    {
        var error = Assert.Throws<ConfigException>(() => new MinibatchLoader(Sequence(100), batch, seq, fraction));
        Assert.StartsWith(named, error.Message);
    }
}
