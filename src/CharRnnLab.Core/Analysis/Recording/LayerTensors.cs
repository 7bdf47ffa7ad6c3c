using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// One recurrent layer's weights as libtorch tensors, transposed for row-major products, and its
/// input projection. Shared by both ways of stepping a layer (<see cref="RecurrentLayer"/>,
/// <see cref="FusedLayer"/>) so that they compute the same x·W_ihᵀ + b.
/// </summary>
internal sealed class LayerTensors
{

    /// <param name="w">The layer's weights.</param>
    /// <param name="gates">G: 4 for an LSTM, 3 for a GRU, 1 for a vanilla RNN.</param>
    /// <param name="foldRecurrentBias">LSTM and RNN add b_hh to the projection; GRU keeps it apart (r multiplies it).</param>
    public LayerTensors(LayerWeights w, int gates, bool foldRecurrentBias)
    {
        Units = w.HiddenSize;
        int gh = gates * Units;
        WeightIhT = Transposed(w.WeightIh, gh, w.InputSize);
        WeightHhT = Transposed(w.WeightHh, gh, Units);
        BiasHh = tensor(w.BiasHh, [gh]);
        var biasIh = tensor(w.BiasIh, [gh]);
        ProjectionBias = foldRecurrentBias ? biasIh + BiasHh : biasIh;
    }

    public int Units { get; }

    /// <summary>(columns, rows) contiguous from row-major (rows, columns) values, without keeping the untransposed copy until the scope ends.</summary>
    private static Tensor Transposed(float[] values, long rows, long columns)
    {
        using var raw = tensor(values, [rows, columns]);
        using var view = raw.t();
        return view.contiguous();
    }

    /// <summary>(I, G·H), contiguous.</summary>
    public Tensor WeightIhT { get; }

    /// <summary>(G·H), contiguous: b_ih, plus b_hh when the cell folds it in.</summary>
    public Tensor ProjectionBias { get; }

    /// <summary>(H, G·H)</summary>
    public Tensor WeightHhT { get; }

    /// <summary>(G·H)</summary>
    public Tensor BiasHh { get; }

    /// <summary>Input projection of a whole chunk in one matmul: (S·C, I) → (S, C, G·H).</summary>
    public Tensor Project(Tensor input, int streams, int steps) =>
        addmm(ProjectionBias, input, WeightIhT, beta: 1, alpha: 1).view(streams, steps, -1);

    /// <summary>One-hot inputs: x·W_ihᵀ is a row selection, exactly. (S·C) symbols → (S, C, G·H).</summary>
    public Tensor ProjectOneHot(Tensor symbols, int streams, int steps) =>
        WeightIhT.index_select(0, symbols).add_(ProjectionBias).view(streams, steps, -1);
}
