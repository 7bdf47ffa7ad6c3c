using System.Runtime.InteropServices;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// A recurrent layer stepped for recording with one libtorch matrix product per step (h·W_hhᵀ
/// for all S streams at once) and everything else in one managed pass per stream row
/// (<see cref="RecordingKernels"/>): gates, c, tanh c and h are computed once and written
/// straight to their kept rows in the recording, or converted to float16 there while the row is
/// in cache (<see cref="LayerSink"/>), so a step allocates nothing and no value is copied through
/// an intermediate (S, C, H) tensor.
/// <para>
/// Why: <see cref="RecurrentLayer"/> spends a dozen libtorch calls per step on (S, H) slices,
/// each a full pass over memory, plus a copy of every kind per chunk; at 2×512 that costs
/// several times the matrix products themselves.
/// </para>
/// Edits (<see cref="ILayerEdits"/>) act on libtorch views of the same memory between the
/// passes, at the same points of the step as in <see cref="RecurrentLayer"/>.
/// </summary>
internal abstract class FusedLayer : IRecordingLayer
{
    protected readonly LayerTensors Weights;
    protected readonly int Units, Streams;
    private readonly int _width;      // G·H
    private readonly Tensor _carried; // (S, H) h after the previous chunk's last step
    private readonly Tensor _projection, _hidden; // (S·C·G·H) shared by the layers, (S·C·H) own: every chunk's, reused

    /// <summary>This layer's interventions, or null for the plain model.</summary>
    public ILayerEdits? Edits { get; init; }

    /// <param name="w">The layer's weights.</param>
    /// <param name="gates">G: 4 for an LSTM, 3 for a GRU, 1 for a vanilla RNN.</param>
    /// <param name="streams">S, the streams stepped at once.</param>
    /// <param name="chunkSteps">The longest chunk the layer will be given (C): its buffers are sized for it once.</param>
    /// <param name="projection">At least S·C·G·H floats for the chunk's projection. Layers run one after
    /// another within a chunk and a layer is done with its projection when its run returns, so all share one.</param>
    /// <param name="foldRecurrentBias">LSTM and RNN add b_hh to the projection; GRU keeps it apart (r multiplies it).</param>
    protected FusedLayer(LayerWeights w, int gates, int streams, int chunkSteps, Tensor projection, bool foldRecurrentBias)
    {
        Weights = new LayerTensors(w, gates, foldRecurrentBias);
        Units = w.HiddenSize;
        Streams = streams;
        _width = gates * Units;
        _carried = zeros(streams, Units);
        // Fresh chunk-sized tensors (tens of MB) would be mapped and page-faulted anew every chunk.
        _projection = projection;
        _hidden = empty((long)streams * chunkSteps * Units);
    }

    public static FusedLayer Create(CellType cell, LayerWeights w, int streams, int chunkSteps, Tensor projection, ILayerEdits? edits = null) => cell switch
    {
        CellType.Lstm => new FusedLstmLayer(w, streams, chunkSteps, projection) { Edits = edits },
        CellType.Gru => new FusedGruLayer(w, streams, chunkSteps, projection) { Edits = edits },
        _ => new FusedRnnLayer(w, streams, chunkSteps, projection) { Edits = edits },
    };

    /// <summary>The one projection buffer every layer of a recording uses: S·C·G·H floats.</summary>
    public static Tensor ProjectionBuffer(ModelConfig config, int streams, int chunkSteps) =>
        empty((long)streams * chunkSteps * config.GateCount * config.Hidden);

    /// <summary>x·W_ihᵀ + b into the layer's projection buffer: (S·C, I) → (S, C, G·H).</summary>
    public Tensor Project(Tensor input, int streams, int steps)
    {
        var projected = Chunk(_projection, streams, steps, _width);
        projected.view(streams * steps, _width).copy_(Weights.ProjectionBias).addmm_(input, Weights.WeightIhT, beta: 1, alpha: 1);
        return projected;
    }

    /// <summary>One-hot input: row x of W_ihᵀ plus b, gathered into the projection buffer. (S·C) symbols → (S, C, G·H).</summary>
    public Tensor ProjectOneHot(Tensor symbols, int streams, int steps)
    {
        var projected = Chunk(_projection, streams, steps, _width);
        var rows = Floats(projected);
        ReadOnlySpan<float> weight = Floats(Weights.WeightIhT), bias = Floats(Weights.ProjectionBias);
        ReadOnlySpan<long> ids = MemoryMarshal.Cast<byte, long>(symbols.contiguous().bytes);
        for (int r = 0; r < ids.Length; r++)
            RecordingKernels.Add(weight.Slice((int)ids[r] * _width, _width), bias, rows.Slice(r * _width, _width));
        return projected;
    }

    public Tensor Run(Tensor projected, int t0, int steps, LayerSink sink)
    {
        projected = projected.contiguous();
        var hidden = Chunk(_hidden, Streams, steps, Units); // (S, C, H)
        for (int t = 0; t < steps; t++)
        {
            using var scope = NewDisposeScope();
            var previous = t == 0 ? _carried : hidden.select(1, t - 1); // (S, H)
            var gates = projected.select(1, t);                          // (S, G·H), rows C·G·H apart
            var rows = new StepRows(Floats(projected), Floats(hidden), Floats(_carried), t, steps, Units);
            Step(gates, previous, hidden.select(1, t), rows, t0 + t, sink);
        }
        _carried.copy_(hidden.select(1, steps - 1));
        return hidden;
    }

    /// <summary>
    /// One step of every stream: <paramref name="gates"/> (S, G·H) holds x·W_ihᵀ + b on entry;
    /// <paramref name="previous"/> is h before the step (S, H), <paramref name="hidden"/> the (S, H)
    /// view h is written to; <paramref name="w"/> the window step.
    /// </summary>
    protected abstract void Step(Tensor gates, Tensor previous, Tensor hidden, StepRows rows, int w, LayerSink sink);

    /// <summary>Applies the h edits at window step w, then keeps every stream's h.</summary>
    protected void FinishHidden(Tensor hidden, StepRows rows, int w, LayerSink sink)
    {
        Edits?.Hidden(hidden, w);
        for (int s = 0; s < Streams; s++) sink.Keep(ActivationKind.Hidden, s, w, rows.Hidden(s));
    }

    protected static Span<float> Floats(Tensor contiguous) => MemoryMarshal.Cast<byte, float>(contiguous.bytes);

    /// <summary>The first S·C·width values of a buffer as a contiguous (S, C, width) tensor.</summary>
    private static Tensor Chunk(Tensor buffer, int streams, int steps, int width) =>
        buffer.narrow(0, 0, (long)streams * steps * width).view(streams, steps, width);
}

/// <summary>The rows of one step inside a chunk's projection (S, C, G·H) and h (S, C, H) tensors.</summary>
internal readonly ref struct StepRows(Span<float> projected, Span<float> hidden, Span<float> carried, int t, int steps, int units)
{
    private readonly Span<float> _projected = projected, _hidden = hidden, _carried = carried;
    private readonly int _width = projected.Length / (hidden.Length / units);

    /// <summary>Stream s's gate pre-activations (G·H).</summary>
    public Span<float> Pre(int s) => _projected.Slice((s * steps + t) * _width, _width);

    /// <summary>Stream s's h after this step (H).</summary>
    public Span<float> Hidden(int s) => _hidden.Slice((s * steps + t) * units, units);

    /// <summary>Stream s's h before this step (H).</summary>
    public ReadOnlySpan<float> PreviousHidden(int s) =>
        t == 0 ? _carried.Slice(s * units, units) : _hidden.Slice((s * steps + t - 1) * units, units);
}

internal sealed class FusedLstmLayer(LayerWeights layer, int streams, int chunkSteps, Tensor projection)
    : FusedLayer(layer, 4, streams, chunkSteps, projection, foldRecurrentBias: true)
{
    private readonly Tensor _c = zeros(streams, layer.HiddenSize);           // (S, H) carried cell state
    private readonly float[] _tanhC = new float[streams * layer.HiddenSize]; // (S, H) scratch for tanh c nobody keeps

    protected override void Step(Tensor gates, Tensor previous, Tensor hidden, StepRows rows, int w, LayerSink sink)
    {
        gates.addmm_(previous, Weights.WeightHhT, beta: 1, alpha: 1); // x·W_ihᵀ + b + h·W_hhᵀ, order i, f, g, o
        var c = Floats(_c);
        for (int s = 0; s < Streams; s++)
        {
            Cell(rows, s, w, c, sink);
            if (Edits is null) Output(rows, s, w, c, sink); // the row is still in cache
        }
        if (Edits is not null)
        {
            Edits.Cell(_c, w);
            for (int s = 0; s < Streams; s++) Output(rows, s, w, c, sink);
        }
        for (int s = 0; s < Streams; s++) sink.Keep(ActivationKind.Cell, s, w, c.Slice(s * Units, Units));
        FinishHidden(hidden, rows, w, sink);
    }

    private void Cell(StepRows rows, int s, int w, Span<float> c, LayerSink sink)
    {
        var pre = rows.Pre(s);
        Span<float> i = Gate(sink, ActivationKind.InputGate, pre, 0, s, w), f = Gate(sink, ActivationKind.ForgetGate, pre, 1, s, w),
            g = Gate(sink, ActivationKind.CandidateGate, pre, 2, s, w), o = Gate(sink, ActivationKind.OutputGate, pre, 3, s, w);
        RecordingKernels.LstmCell(pre, i, f, g, o, c.Slice(s * Units, Units));
        sink.Keep(ActivationKind.InputGate, s, w, i);
        sink.Keep(ActivationKind.ForgetGate, s, w, f);
        sink.Keep(ActivationKind.CandidateGate, s, w, g);
        sink.Keep(ActivationKind.OutputGate, s, w, o);
    }

    private void Output(StepRows rows, int s, int w, Span<float> c, LayerSink sink)
    {
        var tanhC = sink.Row(ActivationKind.TanhCell, s, w, _tanhC.AsSpan(s * Units, Units));
        RecordingKernels.LstmOutput(Gate(sink, ActivationKind.OutputGate, rows.Pre(s), 3, s, w), c.Slice(s * Units, Units), tanhC, rows.Hidden(s));
        sink.Keep(ActivationKind.TanhCell, s, w, tanhC);
    }

    /// <summary>Where gate <paramref name="index"/>'s activation goes: its kept float32 row, or its own block of the projection.</summary>
    private Span<float> Gate(LayerSink sink, ActivationKind kind, Span<float> pre, int index, int s, int w) =>
        sink.Row(kind, s, w, pre.Slice(index * Units, Units));
}

internal sealed class FusedGruLayer(LayerWeights layer, int streams, int chunkSteps, Tensor projection)
    : FusedLayer(layer, 3, streams, chunkSteps, projection, foldRecurrentBias: false)
{
    private readonly Tensor _recurrent = zeros(streams, 3 * layer.HiddenSize); // (S, 3H) scratch: h·W_hhᵀ + b_hh

    protected override void Step(Tensor gates, Tensor previous, Tensor hidden, StepRows rows, int w, LayerSink sink)
    {
        _recurrent.copy_(Weights.BiasHh).addmm_(previous, Weights.WeightHhT, beta: 1, alpha: 1);
        var recurrent = Floats(_recurrent);
        for (int s = 0; s < Streams; s++)
        {
            var pre = rows.Pre(s);
            Span<float> r = sink.Row(ActivationKind.ResetGate, s, w, pre.Slice(0, Units)),
                z = sink.Row(ActivationKind.UpdateGate, s, w, pre.Slice(Units, Units)),
                n = sink.Row(ActivationKind.NewGate, s, w, pre.Slice(2 * Units, Units));
            RecordingKernels.Gru(pre, recurrent.Slice(s * 3 * Units, 3 * Units), rows.PreviousHidden(s), r, z, n, rows.Hidden(s));
            sink.Keep(ActivationKind.ResetGate, s, w, r);
            sink.Keep(ActivationKind.UpdateGate, s, w, z);
            sink.Keep(ActivationKind.NewGate, s, w, n);
        }
        FinishHidden(hidden, rows, w, sink);
    }
}

internal sealed class FusedRnnLayer(LayerWeights layer, int streams, int chunkSteps, Tensor projection)
    : FusedLayer(layer, 1, streams, chunkSteps, projection, foldRecurrentBias: true)
{
    protected override void Step(Tensor gates, Tensor previous, Tensor hidden, StepRows rows, int w, LayerSink sink)
    {
        gates.addmm_(previous, Weights.WeightHhT, beta: 1, alpha: 1); // x·W_ihᵀ + h·W_hhᵀ + b
        for (int s = 0; s < Streams; s++) RecordingKernels.Rnn(rows.Pre(s), rows.Hidden(s));
        FinishHidden(hidden, rows, w, sink);
    }
}
