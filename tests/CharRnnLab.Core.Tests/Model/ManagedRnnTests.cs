using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Model;

/// <summary>The managed one-symbol-at-a-time path must equal the model's whole-sequence forward.</summary>
public class ManagedRnnTests
{
    private static readonly Vocabulary FiveSymbols = Vocabulary.FromText("abcd😀"); // V = 5, one non-BMP

    [Theory]
    [InlineData(CellType.Lstm, 1, 0)]
    [InlineData(CellType.Lstm, 2, 0)]
    [InlineData(CellType.Lstm, 2, 3)]
    [InlineData(CellType.Gru, 2, 0)]
    [InlineData(CellType.Gru, 1, 3)]
    [InlineData(CellType.Rnn, 2, 0)]
    public void Stepping_matches_the_whole_sequence_forward(CellType cell, int layers, int embedding)
    {
        var config = new ModelConfig(cell, layers, Hidden: 4, Embedding: embedding);
        using var reference = new ModelReference(config, FiveSymbols, seed: 7);
        int[] symbols = [0, 4, 2, 2, 1, 3, 0, 4, 4, 1, 2, 3]; // T = 12
        float[] expected = reference.Logits(symbols);

        var rnn = new ManagedRnn(reference.Weights);
        for (int t = 0; t < symbols.Length; t++)
        {
            var logits = rnn.Step(symbols[t]);
            for (int v = 0; v < FiveSymbols.Count; v++)
                Assert.Equal(expected[t * FiveSymbols.Count + v], logits[v], 1e-5f);
        }
    }

    [Fact]
    public void Reset_returns_to_the_initial_state()
    {
        using var reference = new ModelReference(new ModelConfig(Hidden: 4), FiveSymbols, seed: 3);
        var rnn = new ManagedRnn(reference.Weights);
        float[] first = rnn.Step(2).ToArray();
        rnn.Step(1);
        Assert.NotEqual(first, rnn.Step(2).ToArray());
        rnn.Reset();
        Assert.Equal(first, rnn.Step(2).ToArray());
    }
}
