using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>
/// The engine's own <see cref="CharRnnModel"/> (seeded random weights) run over a whole sequence
/// in one libtorch call: the reference that managed step-by-step code must reproduce.
/// </summary>
internal sealed class ModelReference : IDisposable
{
    private readonly CharRnnModel _model;
    public ModelWeights Weights { get; }

    public ModelReference(ModelConfig config, Vocabulary vocabulary, long seed)
    {
        _model = new CharRnnModel(config, vocabulary.Count, seed);
        _model.eval();
        Weights = _model.ToWeights(vocabulary, iteration: 0);
    }

    /// <summary>(T, V) logits, row-major, for the symbols read from a zero state.</summary>
    public float[] Logits(int[] symbols)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(symbols.Select(s => (long)s).ToArray(), [1, symbols.Length]); // (1, T)
        var (logits, _) = _model.call(ids, _model.ZeroState(1));                         // (1, T, V)
        return logits.squeeze(0).contiguous().data<float>().ToArray();
    }

    public void Dispose() => _model.Dispose();
}
