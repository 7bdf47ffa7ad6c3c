using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

/// <summary>The recorder against the engine's own CharRnnModel: the model users train.</summary>
public class RecorderModelTests
{
    [Theory]
    [InlineData(CellType.Lstm, 2, 0)]
    [InlineData(CellType.Lstm, 1, 3)]
    [InlineData(CellType.Gru, 2, 3)]
    [InlineData(CellType.Rnn, 2, 0)]
    public void Recording_matches_CharRnnModel_forward_logits_and_final_state(CellType cell, int layers, int embedding)
    {
        var vocabulary = Vocabulary.FromText("abcdef");
        using var model = new CharRnnModel(new ModelConfig(cell, layers, Hidden: 5, embedding, Dropout: 0.3), vocabulary.Count, seed: 9);
        model.eval();
        var weights = model.ToWeights(vocabulary, iteration: 0);
        string text = TestModels.Text(35, 6, seed: 8);
        int[] symbols = vocabulary.Encode(text);

        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact with { TopGuesses = 6 });

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (logits, state) = model.call(tensor(symbols.Select(s => (long)s).ToArray(), [1, symbols.Length]), model.ZeroState(1));
        float[] probabilities = logits.softmax(-1).contiguous().data<float>().ToArray(); // (1, T, V)
        var (h, c) = state.ToArrays();                                                   // (L, 1, H) each
        for (int t = 0; t < symbols.Length; t++)
        {
            var expected = probabilities.AsSpan(t * 6, 6).ToArray();
            foreach (var guess in recording.Guesses.At(t))
                Assert.Equal(expected[vocabulary.Encode(guess.Symbol)[0]], guess.Probability, 1e-5f);
        }
        for (int l = 0; l < layers; l++)
        {
            RecorderEquivalenceTests.AssertClose(h.AsSpan(l * 5, 5), recording.Row(l, ActivationKind.Hidden, symbols.Length - 1));
            if (c is not null) RecorderEquivalenceTests.AssertClose(c.AsSpan(l * 5, 5), recording.Row(l, ActivationKind.Cell, symbols.Length - 1));
        }
    }
}
