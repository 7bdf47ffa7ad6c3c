using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Tests.Sampling;

/// <summary>
/// Builds random weights with TorchSharp's own recurrent modules and runs them over a whole
/// sequence: the reference that managed step-by-step code must reproduce.
/// </summary>
internal sealed class TorchReference : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _embedding;
    private readonly nn.Module _rnn;
    private readonly Linear _head;
    public ModelWeights Weights { get; }

    public TorchReference(ModelConfig config, Vocabulary vocabulary, long seed)
    {
        torch.manual_seed(seed);
        int v = vocabulary.Count, input = config.InputSize(v);
        _embedding = config.Embedding > 0 ? nn.Embedding(v, config.Embedding) : nn.Identity();
        _rnn = config.Cell switch
        {
            CellType.Lstm => nn.LSTM(input, config.Hidden, config.Layers, batchFirst: true),
            CellType.Gru => nn.GRU(input, config.Hidden, config.Layers, batchFirst: true),
            _ => nn.RNN(input, config.Hidden, config.Layers, batchFirst: true),
        };
        _head = nn.Linear(config.Hidden, v);
        Weights = Extract(config, vocabulary);
    }

    /// <summary>Runs the symbols through the modules in one call: (T, V) logits, row-major.</summary>
    public float[] Logits(int[] symbols)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var ids = torch.tensor(symbols.Select(s => (long)s).ToArray(), dtype: int64).unsqueeze(0); // (1, T)
        var x = Weights.Embedding is null
            ? nn.functional.one_hot(ids, Weights.Vocabulary.Count).to(float32)                      // (1, T, V)
            : _embedding.call(ids);                                                                  // (1, T, E)
        var output = _rnn switch
        {
            LSTM lstm => lstm.call(x).Item1,
            GRU gru => gru.call(x).Item1,
            RNN rnn => rnn.call(x).Item1,
            _ => throw new InvalidOperationException(),
        };                                                                                           // (1, T, H)
        return _head.call(output).squeeze(0).data<float>().ToArray();                                // (T, V)
    }

    private ModelWeights Extract(ModelConfig config, Vocabulary vocabulary)
    {
        var p = _rnn.named_parameters().ToDictionary(t => t.name, t => Flat(t.parameter));
        var layers = Enumerable.Range(0, config.Layers).Select(l => new LayerWeights(
            l == 0 ? config.InputSize(vocabulary.Count) : config.Hidden, config.Hidden,
            p[$"weight_ih_l{l}"], p[$"weight_hh_l{l}"], p[$"bias_ih_l{l}"], p[$"bias_hh_l{l}"])).ToArray();
        float[]? embedding = config.Embedding > 0 ? Flat(_embedding.parameters().Single()) : null;
        return new ModelWeights(config, vocabulary, embedding, layers, Flat(_head.weight!), Flat(_head.bias!), 0);
    }

    private static float[] Flat(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    public void Dispose()
    {
        _embedding.Dispose();
        _rnn.Dispose();
        _head.Dispose();
    }
}
