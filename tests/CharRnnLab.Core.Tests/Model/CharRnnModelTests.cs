using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Tests.Model;

public class CharRnnModelTests
{
    private static readonly Vocabulary Vocab = Vocabulary.FromText("abcde");

    [Theory]
    [InlineData(CellType.Lstm, 0)]
    [InlineData(CellType.Gru, 0)]
    [InlineData(CellType.Rnn, 6)]
    public void Same_seed_builds_identical_weights(CellType cell, int embedding)
    {
        var config = new ModelConfig(cell, Layers: 2, Hidden: 4, Embedding: embedding);
        using var a = new CharRnnModel(config, 5, seed: 3);
        using var b = new CharRnnModel(config, 5, seed: 3);
        using var c = new CharRnnModel(config, 5, seed: 4);

        var wa = a.ToWeights(Vocab, 0);
        var wb = b.ToWeights(Vocab, 0);
        Assert.Equal(Flatten(wa), Flatten(wb));
        Assert.NotEqual(Flatten(wa), Flatten(c.ToWeights(Vocab, 0)));
    }

    private static float[] Flatten(ModelWeights w) =>
        (w.Embedding ?? []).Concat(w.Layers.SelectMany(l => l.WeightIh.Concat(l.WeightHh).Concat(l.BiasIh).Concat(l.BiasHh)))
            .Concat(w.HeadWeight).Concat(w.HeadBias).ToArray();
}
