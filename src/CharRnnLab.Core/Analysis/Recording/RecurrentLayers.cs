using CharRnnLab.Core.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// Per-chunk output buffers, each (S, C, H): step t writes its values at [:, t, :].
/// Hidden is always present (the next layer and the head read it); other kinds only when kept.
/// </summary>
internal sealed class ChunkOutputs(Dictionary<ActivationKind, Tensor> buffers)
{
    public Tensor Hidden => buffers[ActivationKind.Hidden];
    public IReadOnlyDictionary<ActivationKind, Tensor> Buffers => buffers;

    public void Write(ActivationKind kind, int t, Tensor value)
    {
        if (buffers.TryGetValue(kind, out var buffer)) buffer.select(1, t).copy_(value);
    }
}

/// <summary>
/// One recurrent layer re-built from plain weights, stepping S streams at once and exposing
/// every intermediate value. The formulas are PyTorch's nn.LSTM / nn.GRU / nn.RNN (tanh), so a
/// recording is the model's own computation, not an imitation of it.
/// </summary>
internal abstract class RecurrentLayer
{
    protected readonly Tensor WeightIhT; // (I, G·H)
    protected readonly Tensor WeightHhT; // (H, G·H)
    protected readonly Tensor BiasIh;    // (G·H)
    protected readonly Tensor BiasHh;    // (G·H)
    protected readonly Tensor H;         // (S, H) carried hidden state
    protected readonly int Units;

    protected RecurrentLayer(LayerWeights w, int gates, int streams)
    {
        Units = w.HiddenSize;
        int gh = gates * Units;
        WeightIhT = tensor(w.WeightIh, [gh, w.InputSize]).t().contiguous();
        WeightHhT = tensor(w.WeightHh, [gh, Units]).t().contiguous();
        BiasIh = tensor(w.BiasIh, [gh]);
        BiasHh = tensor(w.BiasHh, [gh]);
        H = zeros(streams, Units);
    }

    public static RecurrentLayer Create(CellType cell, LayerWeights w, int streams) => cell switch
    {
        CellType.Lstm => new LstmLayer(w, streams),
        CellType.Gru => new GruLayer(w, streams),
        _ => new RnnLayer(w, streams),
    };

    /// <summary>Input projection of a whole chunk in one matmul: (S·C, I) → (S, C, G·H).</summary>
    public Tensor Project(Tensor input, int streams, int steps) =>
        addmm(ProjectionBias, input, WeightIhT, beta: 1, alpha: 1).view(streams, steps, -1);

    /// <summary>One-hot inputs: x·W_ihᵀ is row selection, exactly (S·C) → (S, C, G·H).</summary>
    public Tensor ProjectOneHot(Tensor symbols, int streams, int steps) =>
        (WeightIhT.index_select(0, symbols) + ProjectionBias).view(streams, steps, -1);

    /// <summary>Bias added to the input projection (LSTM/RNN fold b_hh in too; GRU cannot, r scales it).</summary>
    protected virtual Tensor ProjectionBias => BiasIh + BiasHh;

    /// <summary>Advances every stream by one character given its projected input (S, G·H).</summary>
    public abstract void Step(Tensor projected, int t, ChunkOutputs outputs);
}

internal sealed class LstmLayer(LayerWeights w, int streams) : RecurrentLayer(w, 4, streams)
{
    private readonly Tensor _c = zeros(streams, w.HiddenSize); // (S, H) carried cell state

    public override void Step(Tensor projected, int t, ChunkOutputs outputs)
    {
        using var scope = NewDisposeScope();
        var gates = addmm(projected, H, WeightHhT, beta: 1, alpha: 1).chunk(4, 1); // 4 × (S, H), order i, f, g, o
        var i = gates[0].sigmoid();
        var f = gates[1].sigmoid();
        var g = gates[2].tanh();
        var o = gates[3].sigmoid();
        _c.mul_(f).add_(i * g);
        var tanhC = _c.tanh();
        H.copy_(o * tanhC);
        outputs.Write(ActivationKind.Cell, t, _c);
        outputs.Write(ActivationKind.TanhCell, t, tanhC);
        outputs.Write(ActivationKind.Hidden, t, H);
        outputs.Write(ActivationKind.InputGate, t, i);
        outputs.Write(ActivationKind.ForgetGate, t, f);
        outputs.Write(ActivationKind.OutputGate, t, o);
        outputs.Write(ActivationKind.CandidateGate, t, g);
    }
}

internal sealed class GruLayer(LayerWeights w, int streams) : RecurrentLayer(w, 3, streams)
{
    protected override Tensor ProjectionBias => BiasIh;

    public override void Step(Tensor projected, int t, ChunkOutputs outputs)
    {
        using var scope = NewDisposeScope();
        var x = projected.chunk(3, 1);                        // 3 × (S, H), order r, z, n
        var h = addmm(BiasHh, H, WeightHhT, beta: 1, alpha: 1).chunk(3, 1);      // 3 × (S, H)
        var r = (x[0] + h[0]).sigmoid();
        var z = (x[1] + h[1]).sigmoid();
        var n = (x[2] + r * h[2]).tanh();
        H.sub_(n).mul_(z).add_(n);                           // h' = n + z·(h − n) = (1 − z)·n + z·h
        outputs.Write(ActivationKind.Hidden, t, H);
        outputs.Write(ActivationKind.ResetGate, t, r);
        outputs.Write(ActivationKind.UpdateGate, t, z);
        outputs.Write(ActivationKind.NewGate, t, n);
    }
}

internal sealed class RnnLayer(LayerWeights w, int streams) : RecurrentLayer(w, 1, streams)
{
    public override void Step(Tensor projected, int t, ChunkOutputs outputs)
    {
        using var scope = NewDisposeScope();
        H.copy_(addmm(projected, H, WeightHhT, beta: 1, alpha: 1).tanh_());
        outputs.Write(ActivationKind.Hidden, t, H);
    }
}
