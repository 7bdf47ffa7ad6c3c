using System.Runtime.InteropServices;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Interventions;

/// <summary>
/// One batched exact pass over a text with S streams that differ only from <c>layer</c> up: the
/// layers below it run once (1 stream) and their output is broadcast; from <c>layer</c> on, stream
/// s carries its own edits. Yields every stream's loss −log p(symbol t+1) at every position t and,
/// when asked, every stream's next-symbol distribution summed over the positions that predict one.
/// Lives inside the caller's dispose scope.
/// </summary>
internal sealed class AblationRun
{
    private readonly RecurrentLayer[] _layers;
    private readonly int _layer, _streams, _units;
    private readonly Tensor? _embedding;  // (V, E) or null for one-hot
    private readonly Tensor _headWeightT; // (H, V)
    private readonly Tensor _headBias;    // (V)
    private readonly Tensor _inputs;      // (1, N) symbols
    private readonly Tensor _next;        // (1, N) the symbol after each (0 after the last: its loss is not used)

    /// <param name="weights">The model read.</param>
    /// <param name="symbols">The text as vocabulary indices (N).</param>
    /// <param name="layer">The lowest layer whose streams differ, 0-based: the layers below run once.</param>
    /// <param name="streams">S: how many streams run from <paramref name="layer"/> up.</param>
    /// <param name="edits">Layer <paramref name="layer"/>'s edits, one per stream (e.g. <see cref="PerStreamAblation"/>); the layers above run unedited.</param>
    /// <param name="sumProbabilities">Also add up each stream's p(· | text[..t]) over t = 0 … N−2 (<see cref="ProbabilitySums"/>).</param>
    public AblationRun(ModelWeights weights, int[] symbols, int layer, int streams, ILayerEdits edits, bool sumProbabilities = false)
    {
        var config = weights.Config;
        int v = weights.Vocabulary.Count;
        (_layer, _streams, _units) = (layer, streams, config.Hidden);
        _layers = weights.Layers.Select((w, l) => l < layer ? RecurrentLayer.Create(config.Cell, w, 1)
            : RecurrentLayer.Create(config.Cell, w, streams, l == layer ? edits : null)).ToArray();
        _embedding = weights.Embedding is null ? null : tensor(weights.Embedding, [v, config.Embedding]);
        _headWeightT = tensor(weights.HeadWeight, [v, config.Hidden]).t().contiguous();
        _headBias = tensor(weights.HeadBias, [v]);
        _inputs = tensor(symbols.Select(s => (long)s).ToArray(), [1, symbols.Length]);
        _next = tensor(symbols.Skip(1).Append(0).Select(s => (long)s).ToArray(), [1, symbols.Length]);
        Losses = new float[(long)streams * symbols.Length];
        if (sumProbabilities) ProbabilitySums = new double[(long)streams * v];
    }

    /// <summary>[S × N] row-major: stream s's loss at position t (the last position's is meaningless).</summary>
    public float[] Losses { get; }

    /// <summary>[S × V] row-major: stream s's probabilities of each symbol summed over positions 0 … N−2; null unless asked for.</summary>
    public double[]? ProbabilitySums { get; }

    /// <summary>Runs positions [t0, t0 + steps) through every layer and the head.</summary>
    public void Chunk(int t0, int steps)
    {
        using var scope = NewDisposeScope();
        var inputs = _inputs.narrow(1, t0, steps).reshape(-1); // (C)
        Tensor? below = null;                                    // (S', C, H) the layer below's h, S' = 1 or S
        for (int l = 0; l < _layers.Length; l++)
        {
            int streams = l < _layer ? 1 : _streams;
            int belowStreams = l <= _layer ? 1 : _streams;
            var layer = _layers[l];
            var projected = below is not null ? layer.Project(below.reshape(belowStreams * steps, _units), belowStreams, steps)
                : _embedding is null ? layer.ProjectOneHot(inputs, 1, steps)
                : layer.Project(_embedding.index_select(0, inputs), 1, steps); // (S', C, G·H)
            if (belowStreams != streams) projected = projected.expand(streams, steps, -1).contiguous(); // the same input for every stream
            below = layer.Run(projected, t0, steps, new HashSet<ActivationKind>())[ActivationKind.Hidden];
        }
        Head(below!, t0, steps);
    }

    private void Head(Tensor hidden, int t0, int steps)
    {
        int rows = _streams * steps;
        var logProbabilities = addmm(_headBias, hidden.reshape(rows, _units), _headWeightT, beta: 1, alpha: 1).log_softmax(1); // (S·C, V)
        var next = _next.narrow(1, t0, steps).expand(_streams, steps).reshape(rows, 1);
        var loss = logProbabilities.gather(1, next).neg().view(_streams, steps).contiguous();                            // (S, C)
        ReadOnlySpan<float> data = MemoryMarshal.Cast<byte, float>(loss.bytes);
        int n = (int)_inputs.shape[1];
        for (int s = 0; s < _streams; s++) data.Slice(s * steps, steps).CopyTo(Losses.AsSpan(s * n + t0, steps));
        if (ProbabilitySums is not null) SumProbabilities(logProbabilities, t0, steps, n);
    }

    // The last position predicts nothing, so only positions < N − 1 count.
    private void SumProbabilities(Tensor logProbabilities, int t0, int steps, int n)
    {
        int counted = Math.Min(steps, n - 1 - t0);
        if (counted <= 0) return;
        var sums = logProbabilities.view(_streams, steps, -1).narrow(1, 0, counted).exp()
            .to_type(ScalarType.Float64).sum(1).contiguous(); // (S, V)
        ReadOnlySpan<double> data = MemoryMarshal.Cast<byte, double>(sums.bytes);
        for (int i = 0; i < data.Length; i++) ProbabilitySums![i] += data[i];
    }
}
