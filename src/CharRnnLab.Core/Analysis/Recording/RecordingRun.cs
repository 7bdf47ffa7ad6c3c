using System.Runtime.InteropServices;
using static TorchSharp.torch;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// The tensors of one recording and the chunk loop body: per chunk of C window steps, every
/// layer projects its whole input at once and steps S streams C times, writing its kept steps
/// into the recording's stores through its <see cref="LayerSink"/>; then the head. Lives
/// inside the recorder's dispose scope.
/// </summary>
internal sealed class RecordingRun
{
    private readonly StreamPlan _plan;
    private readonly IRecordingLayer[] _layers;
    private readonly LayerSink[] _sinks;
    private readonly Tensor? _embedding;   // (V, E) or null for one-hot
    private readonly Tensor _headWeightT;  // (H, V)
    private readonly Tensor _headBias;     // (V)
    private readonly Tensor _inputs;       // (S, T) symbol indices
    private readonly Tensor _nextSymbols;  // (S, T) the symbol after each input
    private readonly int _k, _units;
    private readonly NextSymbolGuesses _guesses;

    public RecordingRun(ModelWeights weights, StreamPlan plan, int[] symbols, int k,
        IReadOnlyDictionary<(int Layer, ActivationKind Kind), WritableStore> stores, NextSymbolGuesses guesses,
        InterventionSet? interventions, RecordingKernel kernel, int chunkSteps)
    {
        var config = weights.Config;
        int v = weights.Vocabulary.Count;
        _plan = plan;
        _k = k;
        _units = config.Hidden;
        _guesses = guesses;
        var projection = kernel == RecordingKernel.Fused ? FusedLayer.ProjectionBuffer(config, plan.Streams, chunkSteps) : null;
        _layers = weights.Layers.Select((w, l) => CreateLayer(kernel, config.Cell, w, chunkSteps, projection, StreamEdits.For(interventions, l, plan.Start))).ToArray();
        _sinks = Enumerable.Range(0, config.Layers).Select(l => new LayerSink(plan, _units,
            stores.Where(e => e.Key.Layer == l).ToDictionary(e => e.Key.Kind, e => e.Value))).ToArray();
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
            below = layer.Run(projected, t0, steps, _sinks[l]);
        }
        Head(below!, t0, steps);
    }

    private IRecordingLayer CreateLayer(RecordingKernel kernel, CellType cell, LayerWeights w, int chunkSteps, Tensor? projection, ILayerEdits? edits) =>
        projection is null ? RecurrentLayer.Create(cell, w, _plan.Streams, edits) : FusedLayer.Create(cell, w, _plan.Streams, chunkSteps, projection, edits);

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
    private void CopyKept<T>(Tensor chunk, int t0, int steps, int width, T[] destination) where T : unmanaged =>
        _plan.CopyKept(MemoryMarshal.Cast<byte, T>(chunk.contiguous().bytes), t0, steps, width, destination); // zero-copy view of the tensor
}
