using System.Runtime.InteropServices;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// One recurrent layer re-built from plain weights, stepping S streams at once and exposing
/// every intermediate value as (S, C, H) tensors. Ablation runs use it; recordings use the
/// faster <see cref="FusedLayer"/> and keep this one only to compare against
/// (<see cref="RecordingKernel.TensorOps"/>). The formulas are PyTorch's nn.LSTM / nn.GRU / nn.RNN (tanh), so a
/// recording is the model's own computation, not an imitation of it.
/// <para>
/// Speed: a step allocates nothing large. Gates are activated in place inside the chunk's
/// projection tensor (S, C, G·H), which then already holds every step's gate values; only
/// the carried states are copied out per step. (Fresh (S, 4H) buffers per step make glibc
/// map and unmap pages each time, which costs more than the arithmetic.)
/// </para>
/// </summary>
internal abstract class RecurrentLayer : IRecordingLayer
{
    private readonly LayerTensors _weights;
    protected readonly Tensor WeightHhT; // (H, G·H)
    protected readonly Tensor BiasHh;    // (G·H)
    protected readonly Tensor H;         // (S, H) carried hidden state
    protected readonly int Units;
    private int _windowStep; // window step of the step in progress (t0 + t), for the edits

    /// <summary>This layer's interventions, or null for the plain model.</summary>
    public ILayerEdits? Edits { get; init; }

    protected RecurrentLayer(LayerWeights w, int gates, int streams, bool foldRecurrentBias)
    {
        _weights = new LayerTensors(w, gates, foldRecurrentBias);
        Units = w.HiddenSize;
        WeightHhT = _weights.WeightHhT;
        BiasHh = _weights.BiasHh;
        H = zeros(streams, Units);
    }

    public static RecurrentLayer Create(CellType cell, LayerWeights w, int streams, ILayerEdits? edits = null) => cell switch
    {
        CellType.Lstm => new LstmLayer(w, streams) { Edits = edits },
        CellType.Gru => new GruLayer(w, streams) { Edits = edits },
        _ => new RnnLayer(w, streams) { Edits = edits },
    };

    /// <summary>The kinds a step writes one (S, H) slice of per step (the others live in the projection).</summary>
    public abstract IEnumerable<ActivationKind> SteppedKinds { get; }

    /// <inheritdoc cref="LayerTensors.Project"/>
    public Tensor Project(Tensor input, int streams, int steps) => _weights.Project(input, streams, steps);

    /// <inheritdoc cref="LayerTensors.ProjectOneHot"/>
    public Tensor ProjectOneHot(Tensor symbols, int streams, int steps) => _weights.ProjectOneHot(symbols, streams, steps);

    /// <summary>
    /// Steps every stream through the chunk. <paramref name="projected"/> (S, C, G·H) is
    /// overwritten with activated gates; returns every kind's (S, C, H) values for the chunk.
    /// </summary>
    public Dictionary<ActivationKind, Tensor> Run(Tensor projected, int t0, int steps, IReadOnlySet<ActivationKind> stepped)
    {
        var buffers = SteppedKinds.Where(k => k == ActivationKind.Hidden || stepped.Contains(k))
            .ToDictionary(k => k, _ => empty(H.shape[0], steps, Units));
        for (int t = 0; t < steps; t++)
        {
            using var scope = NewDisposeScope();
            _windowStep = t0 + t;
            var slices = buffers.ToDictionary(b => b.Key, b => b.Value.select(1, t));
            Step(projected.select(1, t), slices);
        }
        foreach (var (kind, gate) in Gates()) buffers[kind] = projected.narrow(2, gate * Units, Units);
        return buffers;
    }

    /// <summary>Runs the chunk as above and copies every kind the sink keeps to its place.</summary>
    public Tensor Run(Tensor projected, int t0, int steps, LayerSink sink)
    {
        var outputs = Run(projected, t0, steps, sink.Kinds);
        foreach (var kind in sink.Kinds)
            sink.KeepChunk(kind, MemoryMarshal.Cast<byte, float>(outputs[kind].contiguous().bytes), t0, steps);
        return outputs[ActivationKind.Hidden];
    }

    /// <summary>The gate kinds and their index in the projection's G blocks.</summary>
    protected abstract IEnumerable<(ActivationKind Kind, int Gate)> Gates();

    /// <summary>Advances one step: activates <paramref name="gates"/> (S, G·H) in place, writes per-step kinds.</summary>
    protected abstract void Step(Tensor gates, IReadOnlyDictionary<ActivationKind, Tensor> slices);

    /// <summary>Applies the c edits active at this step to <paramref name="c"/> (S, H).</summary>
    protected void EditCell(Tensor c) => Edits?.Cell(c, _windowStep);

    /// <summary>Applies the h edits active at this step to <paramref name="h"/> (S, H).</summary>
    protected void EditHidden(Tensor h) => Edits?.Hidden(h, _windowStep);

    protected static void Write(IReadOnlyDictionary<ActivationKind, Tensor> slices, ActivationKind kind, Tensor value)
    {
        if (slices.TryGetValue(kind, out var slice)) slice.copy_(value);
    }
}

internal sealed class LstmLayer(LayerWeights w, int streams) : RecurrentLayer(w, 4, streams, foldRecurrentBias: true)
{
    private readonly Tensor _c = zeros(streams, w.HiddenSize);     // (S, H) carried cell state
    private readonly Tensor _tanhC = zeros(streams, w.HiddenSize); // (S, H) scratch

    public override IEnumerable<ActivationKind> SteppedKinds =>
        [ActivationKind.Cell, ActivationKind.TanhCell, ActivationKind.Hidden];

    protected override IEnumerable<(ActivationKind, int)> Gates() =>
        [(ActivationKind.InputGate, 0), (ActivationKind.ForgetGate, 1), (ActivationKind.CandidateGate, 2), (ActivationKind.OutputGate, 3)];

    protected override void Step(Tensor gates, IReadOnlyDictionary<ActivationKind, Tensor> slices)
    {
        gates.addmm_(H, WeightHhT, beta: 1, alpha: 1);       // x·W_ihᵀ + b + h·W_hhᵀ, order i, f, g, o
        gates.narrow(1, 0, 2 * Units).sigmoid_();
        gates.narrow(1, 2 * Units, Units).tanh_();
        var o = gates.narrow(1, 3 * Units, Units).sigmoid_();
        var i = gates.narrow(1, 0, Units);
        var f = gates.narrow(1, Units, Units);
        var g = gates.narrow(1, 2 * Units, Units);
        _c.mul_(f).addcmul_(i, g, 1);                         // c = f·c + i·g
        EditCell(_c);
        _tanhC.copy_(_c).tanh_();
        H.copy_(_tanhC).mul_(o);                              // h = o·tanh(c)
        EditHidden(H);
        Write(slices, ActivationKind.Cell, _c);
        Write(slices, ActivationKind.TanhCell, _tanhC);
        Write(slices, ActivationKind.Hidden, H);
    }
}

internal sealed class GruLayer(LayerWeights w, int streams) : RecurrentLayer(w, 3, streams, foldRecurrentBias: false)
{
    private readonly Tensor _recurrent = zeros(streams, 3 * w.HiddenSize); // (S, 3H) scratch: h·W_hhᵀ + b_hh

    public override IEnumerable<ActivationKind> SteppedKinds => [ActivationKind.Hidden];

    protected override IEnumerable<(ActivationKind, int)> Gates() =>
        [(ActivationKind.ResetGate, 0), (ActivationKind.UpdateGate, 1), (ActivationKind.NewGate, 2)];

    protected override void Step(Tensor gates, IReadOnlyDictionary<ActivationKind, Tensor> slices)
    {
        _recurrent.copy_(BiasHh).addmm_(H, WeightHhT, beta: 1, alpha: 1);
        var rz = gates.narrow(1, 0, 2 * Units).add_(_recurrent.narrow(1, 0, 2 * Units)).sigmoid_();
        var r = rz.narrow(1, 0, Units);
        var z = rz.narrow(1, Units, Units);
        var n = gates.narrow(1, 2 * Units, Units).addcmul_(r, _recurrent.narrow(1, 2 * Units, Units), 1).tanh_();
        H.sub_(n).mul_(z).add_(n);                            // h' = n + z·(h − n) = (1 − z)·n + z·h
        EditHidden(H);
        Write(slices, ActivationKind.Hidden, H);
    }
}

internal sealed class RnnLayer(LayerWeights w, int streams) : RecurrentLayer(w, 1, streams, foldRecurrentBias: true)
{
    public override IEnumerable<ActivationKind> SteppedKinds => [ActivationKind.Hidden];

    protected override IEnumerable<(ActivationKind, int)> Gates() => [];

    protected override void Step(Tensor gates, IReadOnlyDictionary<ActivationKind, Tensor> slices)
    {
        H.copy_(gates.addmm_(H, WeightHhT, beta: 1, alpha: 1).tanh_()); // h = tanh(x·W_ihᵀ + h·W_hhᵀ + b)
        EditHidden(H);
        Write(slices, ActivationKind.Hidden, H);
    }
}
