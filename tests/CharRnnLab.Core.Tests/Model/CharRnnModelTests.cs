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

    [Fact]
    public void Lstm_forget_gate_bias_starts_at_one()
    {
        using var model = new CharRnnModel(new ModelConfig(CellType.Lstm, Layers: 2, Hidden: 4), 5, seed: 1);
        var weights = model.ToWeights(Vocab, 0);
        foreach (var layer in weights.Layers)
        {
            Assert.All(layer.BiasIh[4..8], b => Assert.Equal(1f, b));   // gate order i, f, g, o: f is the 2nd slice
            Assert.All(layer.BiasHh[4..8], b => Assert.Equal(0f, b));
            Assert.All(layer.BiasIh[..4].Concat(layer.BiasIh[8..]), b => Assert.InRange(b, -0.5f, 0.5f));
        }
    }

    [Theory]
    [InlineData(CellType.Lstm, 0, 4)]
    [InlineData(CellType.Gru, 3, 3)]
    [InlineData(CellType.Rnn, 0, 1)]
    public void Weights_have_pytorch_shapes(CellType cell, int embedding, int gates)
    {
        var config = new ModelConfig(cell, Layers: 2, Hidden: 4, Embedding: embedding);
        using var model = new CharRnnModel(config, 5);
        var w = model.ToWeights(Vocab, 9);

        int input = embedding > 0 ? embedding : 5;
        Assert.Equal(9, w.Iteration);
        Assert.Equal(embedding > 0 ? 5 * embedding : null, w.Embedding?.Length);
        Assert.Equal((input, 4), (w.Layers[0].InputSize, w.Layers[0].HiddenSize));
        Assert.Equal(gates * 4 * input, w.Layers[0].WeightIh.Length);
        Assert.Equal(gates * 4 * 4, w.Layers[1].WeightIh.Length);
        Assert.Equal(gates * 4 * 4, w.Layers[1].WeightHh.Length);
        Assert.Equal(gates * 4, w.Layers[1].BiasHh.Length);
        Assert.Equal((20, 5), (w.HeadWeight.Length, w.HeadBias.Length));
    }

    [Fact]
    public void Forward_gives_logits_B_T_V_and_a_state_L_B_H()
    {
        using var model = new CharRnnModel(new ModelConfig(CellType.Lstm, Layers: 2, Hidden: 4), 5);
        using var state = model.ZeroState(batch: 2);
        using var symbols = torch.tensor(new long[] { 0, 1, 2, 3, 4, 0 }, [2, 3]);

        var (logits, next) = model.call(symbols, state);

        Assert.Equal([2, 3, 5], logits.shape);
        Assert.Equal([2, 2, 4], next.H.shape);
        Assert.Equal([2, 2, 4], next.C!.shape);
        next.Dispose();
        logits.Dispose();
    }

    [Fact]
    public void Weights_follow_the_lstm_equations_in_gate_order_i_f_g_o()
    {
        // One step of a 1-layer one-hot LSTM computed by hand from ModelWeights must match the module.
        using var model = new CharRnnModel(new ModelConfig(CellType.Lstm, Layers: 1, Hidden: 3), 5, seed: 11);
        var w = model.ToWeights(Vocab, 0);
        using var state = model.ZeroState(batch: 1);
        using var symbols = torch.tensor(new long[] { 2 }, [1, 1]);
        var (logits, next) = model.call(symbols, state);
        float[] expected = logits.data<float>().ToArray();
        next.Dispose();
        logits.Dispose();

        const int h = 3, x = 2;
        var layer = w.Layers[0];
        float Gate(int row) => layer.WeightIh[row * 5 + x] + layer.BiasIh[row] + layer.BiasHh[row]; // h0 = 0
        float Sigmoid(float v) => 1 / (1 + MathF.Exp(-v));
        var hidden = new float[h];
        for (int j = 0; j < h; j++)
        {
            float i = Sigmoid(Gate(j)), g = MathF.Tanh(Gate(2 * h + j)), o = Sigmoid(Gate(3 * h + j));
            hidden[j] = o * MathF.Tanh(i * g); // c0 = 0, so the forget gate does not matter here
        }
        var actual = Enumerable.Range(0, 5).Select(v => w.HeadBias[v] + Enumerable.Range(0, h).Sum(j => w.HeadWeight[v * h + j] * hidden[j]));
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void From_weights_rebuilds_a_model_with_the_same_outputs()
    {
        var config = new ModelConfig(CellType.Gru, Layers: 2, Hidden: 4, Embedding: 3);
        using var original = new CharRnnModel(config, 5, seed: 5);
        using var copy = CharRnnModel.FromWeights(original.ToWeights(Vocab, 0));
        using var symbols = torch.tensor(new long[] { 4, 3, 2, 1 }, [1, 4]);
        using var s1 = original.ZeroState(1);
        using var s2 = copy.ZeroState(1);

        var (a, na) = original.call(symbols, s1);
        var (b, nb) = copy.call(symbols, s2);

        Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
        foreach (var d in new IDisposable[] { a, b, na, nb }) d.Dispose();
    }

    [Fact]
    public void Loading_weights_of_another_shape_is_a_checkpoint_error()
    {
        using var small = new CharRnnModel(new ModelConfig(Hidden: 4), 5);
        using var large = new CharRnnModel(new ModelConfig(Hidden: 8), 5);
        var error = Assert.Throws<CheckpointException>(() => large.LoadWeights(small.ToWeights(Vocab, 0)));
        Assert.Contains("Lstm 2×4", error.Message);
        Assert.Contains("Lstm 2×8", error.Message);
    }

    private static float[] Flatten(ModelWeights w) =>
        (w.Embedding ?? []).Concat(w.Layers.SelectMany(l => l.WeightIh.Concat(l.WeightHh).Concat(l.BiasIh).Concat(l.BiasHh)))
            .Concat(w.HeadWeight).Concat(w.HeadBias).ToArray();
}
