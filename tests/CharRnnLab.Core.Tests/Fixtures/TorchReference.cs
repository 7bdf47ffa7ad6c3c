using CharRnnLab.Core.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>
/// TorchSharp's own nn.LSTM / nn.GRU / nn.RNN built from the same weights, run over the whole
/// sequence at once: the top layer's h at every position and the final (h, c) of every layer.
/// </summary>
internal static class TorchReference
{
    public sealed record Result(float[] TopHidden, float[] FinalHidden, float[]? FinalCell);

    public static Result Forward(ModelWeights w, int[] symbols)
    {
        var c = w.Config;
        int v = w.Vocabulary.Count, n = symbols.Length;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var index = tensor(symbols.Select(s => (long)s).ToArray(), [n]);
        var input = w.Embedding is null
            ? nn.functional.one_hot(index, v).to_type(ScalarType.Float32)
            : tensor(w.Embedding, [v, c.Embedding]).index_select(0, index); // (N, I)
        input = input.unsqueeze(0);                                           // (1, N, I)
        int inputSize = c.InputSize(v);
        switch (c.Cell)
        {
            case CellType.Lstm:
            {
                using var lstm = nn.LSTM(inputSize, c.Hidden, c.Layers, batchFirst: true);
                Load(lstm, w);
                var (output, hN, cN) = lstm.call(input);
                return new Result(Flat(output), Flat(hN), Flat(cN));
            }
            case CellType.Gru:
            {
                using var gru = nn.GRU(inputSize, c.Hidden, c.Layers, batchFirst: true);
                Load(gru, w);
                var (output, hN) = gru.call(input);
                return new Result(Flat(output), Flat(hN), null);
            }
            default:
            {
                using var rnn = nn.RNN(inputSize, c.Hidden, c.Layers, batchFirst: true);
                Load(rnn, w);
                var (output, hN) = rnn.call(input);
                return new Result(Flat(output), Flat(hN), null);
            }
        }
    }

    private static void Load(nn.Module module, ModelWeights w)
    {
        foreach (var (name, parameter) in module.named_parameters())
        {
            int layer = int.Parse(name[(name.LastIndexOf('l') + 1)..]);
            var lw = w.Layers[layer];
            float[] source = name.StartsWith("weight_ih") ? lw.WeightIh
                : name.StartsWith("weight_hh") ? lw.WeightHh
                : name.StartsWith("bias_ih") ? lw.BiasIh
                : lw.BiasHh;
            parameter.copy_(tensor(source).view(parameter.shape));
        }
    }

    private static float[] Flat(Tensor t) => t.contiguous().data<float>().ToArray();
}
