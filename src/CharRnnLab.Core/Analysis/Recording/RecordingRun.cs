using System.Runtime.InteropServices;
using static TorchSharp.torch;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// The tensors of one recording and the chunk loop body: per chunk of C window steps, every
/// layer projects its whole input at once, steps S streams C times, and the kept steps are
/// copied into the managed result arrays. Lives inside the recorder's dispose scope.
/// </summary>
internal sealed class RecordingRun
{
    private readonly StreamPlan _plan;
    private readonly RecurrentLayer[] _layers;
    private readonly Tensor? _embedding;   // (V, E) or null for one-hot
    private readonly Tensor _headWeightT;  // (H, V)
    private readonly Tensor _headBias;     // (V)
    private readonly Tensor _inputs;       // (S, T) symbol indices
    private readonly Tensor _nextSymbols;  // (S, T) the symbol after each input
    private readonly HashSet<(int Layer, ActivationKind Kind)> _keep;
    private readonly int _k, _units;
    private readonly IReadOnlyDictionary<(int Layer, ActivationKind Kind), float[]> _values;
    private readonly NextSymbolGuesses _guesses;

    public RecordingRun(ModelWeights weights, StreamPlan plan, int[] symbols,
        HashSet<(int Layer, ActivationKind Kind)> keep, int k,
        IReadOnlyDictionary<(int Layer, ActivationKind Kind), float[]> values, NextSymbolGuesses guesses,
        InterventionSet? interventions)
    {
        var config = weights.Config;
        int v = weights.Vocabulary.Count;
        _plan = plan;
        _keep = keep;
        _k = k;
        _units = config.Hidden;
        _values = values;
        _guesses = guesses;
        _layers = weights.Layers.Select((w, l) =>
            RecurrentLayer.Create(config.Cell, w, plan.Streams, StreamEdits.For(interventions, l, plan.Start))).ToArray();
        _embedding = weights.Embedding is null ? null : tensor(weights.Embedding, [v, config.Embedding]);
        _headWeightT = tensor(weights.HeadWeight, [v, config.Hidden]).t().contiguous();
        _headBias = tensor(weights.HeadBias, [v]);
        _inputs = tensor(plan.Windows(symbols), [plan.Streams, plan.WindowLength]);
        _nextSymbols = tensor(plan.Windows(symbols, shift: 1), [plan.Streams, plan.WindowLength]);
    }

    /// <summary>Runs window steps [t0, t0 + steps) through every layer and the head.</summary>
    public void Chunk(int t0, int steps)
    {
        using var scope = NewDisposeScope();
        int s = _plan.Streams;
        var inputs = _inputs.narrow(1, t0, steps).reshape(-1); // (S·C)
        Tensor? below = null;                                    // (S, C, H) previous layer's h
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var projected = below is not null ? layer.Project(below.view(s * steps, _units), s, steps)
                : _embedding is null ? layer.ProjectOneHot(inputs, s, steps)
                : layer.Project(_embedding.index_select(0, inputs), s, steps); // (S, C, G·H)
            var kept = _keep.Where(k => k.Layer == l).Select(k => k.Kind).ToHashSet();
            var outputs = layer.Run(projected, t0, steps, kept);
            foreach (var kind in kept) CopyKept(outputs[kind], t0, steps, _units, _values[(l, kind)]);
            below = outputs[ActivationKind.Hidden];
        }
        Head(below!, t0, steps);
    }

    /// <summary>Softmax of the head on the top layer's h; keeps the top K and the actual next symbol's probability.</summary>
    private void Head(Tensor hidden, int t0, int steps)
    {
        int rows = _plan.Streams * steps;
        var probabilities = addmm(_headBias, hidden.view(rows, _units), _headWeightT, beta: 1, alpha: 1).softmax(1); // (S·C, V)
        var (top, indices) = probabilities.topk(_k, dim: 1);                                       // (S·C, K)
        var next = _nextSymbols.narrow(1, t0, steps).reshape(rows, 1);
        var nextProbability = probabilities.gather(1, next);                                       // (S·C, 1)
        CopyKept(top, t0, steps, _k, _guesses.Probabilities);
        CopyKept(indices.to_type(ScalarType.Int32), t0, steps, _k, _guesses.SymbolIndices);
        CopyKept(nextProbability, t0, steps, 1, _guesses.NextSymbolProbability);
    }

    /// <summary>Copies each stream's kept steps of a chunk (S, C, width) to their text positions.</summary>
    private void CopyKept<T>(Tensor chunk, int t0, int steps, int width, T[] destination) where T : unmanaged
    {
        var contiguous = chunk.contiguous();
        ReadOnlySpan<T> data = MemoryMarshal.Cast<byte, T>(contiguous.bytes); // zero-copy view of the tensor
        for (int s = 0; s < _plan.Streams; s++)
        {
            var (from, to) = _plan.KeptSteps(s, t0, t0 + steps);
            if (from >= to) continue;
            int source = (s * steps + (from - t0)) * width;
            int target = (_plan.Start[s] + from) * width;
            data.Slice(source, (to - from) * width).CopyTo(destination.AsSpan(target));
        }
    }
}
