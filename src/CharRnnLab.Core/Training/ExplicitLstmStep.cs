using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Training;

/// <summary>
/// A training step's loss and gradients for an LSTM <see cref="CharRnnModel"/>, with each layer's
/// backward done by <see cref="LstmLayerPass"/> instead of autograd (the fast path; the autograd
/// step in <see cref="TrainingRun"/> is the plain one it is tested against). Only the head, the loss
/// and the embedding go through autograd. Work is time-major, (T, B, ·), so a step's rows are
/// contiguous. Runs inside the caller's dispose scope; fills every parameter's gradient (the
/// head's and the embedding's accumulate, as in autograd, so the caller zeroes them first).
/// </summary>
internal sealed class ExplicitLstmStep
{
    private readonly CharRnnModel _model;
    private readonly Layer[] _layers;

    private sealed record Layer(Parameter WeightIh, Parameter WeightHh, Parameter BiasIh, Parameter BiasHh);

    public ExplicitLstmStep(CharRnnModel model)
    {
        if (!Fits(model)) throw new ArgumentException("The explicit LSTM step needs an LSTM without dropout on the CPU.", nameof(model));
        _model = model;
        var p = model.RecurrentParameters();
        _layers = Enumerable.Range(0, model.Config.Layers)
            .Select(l => new Layer(p[$"weight_ih_l{l}"], p[$"weight_hh_l{l}"], p[$"bias_ih_l{l}"], p[$"bias_hh_l{l}"]))
            .ToArray();
    }

    /// <summary>Whether this path computes exactly what the autograd step does: an LSTM on the CPU, no
    /// dropout between layers (its masks would draw differently from nn.LSTM's).</summary>
    public static bool Fits(CharRnnModel model) =>
        model.Config.Cell == CellType.Lstm && (model.Config.Layers == 1 || model.Config.Dropout == 0) &&
        model.Device.type == DeviceType.CPU;

    /// <param name="inputs">(B, T) symbols.</param>
    /// <param name="targets">(B, T) the symbols that follow them.</param>
    /// <param name="state">The carried state, (L, B, H) each, detached.</param>
    /// <param name="clock">Times the sections, for the bench's profile; null in training.</param>
    /// <returns>The mean cross-entropy () and the state after the last step (L, B, H) each.</returns>
    public (Tensor Loss, RecurrentState Next) Run(Tensor inputs, Tensor targets, RecurrentState state, SectionClock? clock = null)
    {
        var symbols = inputs.t();                                            // (T, B)
        var embedded = _model.EmbeddingLayer?.call(symbols);                 // (T, B, E), with autograd
        var tapes = Forward(symbols, embedded?.detach(), state, clock);
        var top = tapes[^1].Outputs.detach().requires_grad_(true);           // (T, B, H)
        var logits = _model.Head.call(top);                                  // (T, B, V)
        var loss = nn.functional.cross_entropy(logits.reshape(-1, _model.VocabularySize), targets.t().reshape(-1));
        loss.backward();
        clock?.Lap(HeadSection);
        var dInput = Backward(tapes, symbols, embedded?.detach(), top.grad!.contiguous(), clock);
        if (embedded is not null) embedded.backward([dInput!]);
        long steps = tapes[0].Steps;
        var next = new RecurrentState(torch.stack(tapes.Select(t => t.Hidden[steps]).ToArray()),
            torch.stack(tapes.Select(t => t.Cells[steps]).ToArray()));
        return (loss, next);
    }

    /// <summary>The profile's section names.</summary>
    public const string ProjectionSection = "LSTM input projections (T·B rows)", TapeSection = "LSTM forward, tape",
        HeadSection = "head, loss and their backward (autograd)", WeightGradientSection = "LSTM weight gradients and dx (T·B rows)";

    private LstmTape[] Forward(Tensor symbols, Tensor? embedded, RecurrentState state, SectionClock? clock)
    {
        using var noGrad = torch.no_grad();
        var tapes = new LstmTape[_layers.Length];
        var cells = state.C ?? throw new ArgumentException("LSTM needs a cell state.");
        for (int l = 0; l < _layers.Length; l++)
        {
            var below = l == 0 ? embedded : tapes[l - 1].Outputs;
            var projected = Project(_layers[l], symbols, below);
            clock?.Lap(ProjectionSection);
            tapes[l] = LstmLayerPass.Forward(projected, _layers[l].WeightHh, state.H[l], cells[l], clock);
            clock?.Lap(TapeSection);
        }
        return tapes;
    }

    /// <summary>x·W_ihᵀ + b_ih + b_hh for every step (T, B, 4H), one product over all T·B rows;
    /// for one-hot input (<paramref name="below"/> null) a row of W_ihᵀ per symbol instead.</summary>
    private static Tensor Project(Layer layer, Tensor symbols, Tensor? below)
    {
        var bias = layer.BiasIh + layer.BiasHh;                              // (4H)
        var rows = below is null
            ? layer.WeightIh.t().contiguous().index_select(0, symbols.reshape(-1)).add_(bias)   // (V, 4H) → (T·B, 4H)
            : bias.addmm(LstmLayerPass.Rows(below), layer.WeightIh.t());                 // (T·B, I)·(I, 4H)
        return rows.view(symbols.size(0), symbols.size(1), -1);
    }

    /// <summary>Sets every recurrent parameter's gradient from dL/d(top outputs) (T, B, H); returns
    /// dL/d(embedded input) (T, B, E), or null for one-hot input.</summary>
    private Tensor? Backward(LstmTape[] tapes, Tensor symbols, Tensor? embedded, Tensor dTop, SectionClock? clock)
    {
        using var noGrad = torch.no_grad();
        Tensor? dOutputs = dTop;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var dGates = LstmLayerPass.Backward(tapes[l], dOutputs!, layer.WeightHh, clock); // (T, B, 4H)
            var rows = LstmLayerPass.Rows(dGates);                                      // (T·B, 4H)
            SetGradient(layer.WeightHh, LstmLayerPass.RecurrentWeightGradient(tapes[l], dGates));
            var biasGradient = rows.sum(dim: 0); // (4H); a bare 0 would bind to sum(ScalarType)
            SetGradient(layer.BiasIh, biasGradient);
            SetGradient(layer.BiasHh, biasGradient.clone());
            var below = l == 0 ? embedded : tapes[l - 1].Outputs;
            if (below is null)
            {
                // One-hot input: dW_ihᵀ gets each step's gate gradient in its symbol's row.
                var transposed = torch.zeros(layer.WeightIh.size(1), rows.size(1)).index_add_(0, symbols.reshape(-1), rows, 1);
                SetGradient(layer.WeightIh, transposed.t());
                dOutputs = null;
            }
            else
            {
                SetGradient(layer.WeightIh, rows.t().mm(LstmLayerPass.Rows(below)));           // (4H, T·B)·(T·B, I)
                dOutputs = rows.mm(layer.WeightIh).view(symbols.size(0), symbols.size(1), -1); // (T, B, I)
            }
            clock?.Lap(WeightGradientSection);
        }
        return dOutputs;
    }

    private static void SetGradient(Parameter parameter, Tensor gradient)
    {
        using var existing = parameter.grad;
        if (existing is null) parameter.grad = gradient.contiguous();
        else existing.copy_(gradient);
    }
}
