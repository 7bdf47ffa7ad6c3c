using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Web.Neurons;

/// <summary>How the page names a cell: layers from 1, kinds by their paper symbol.</summary>
public static class CellLabels
{
    /// <summary>"L2 tanh(c) #117".</summary>
    public static string Short(CellId cell) => $"L{cell.Layer + 1} {ActivationKinds.Symbol(cell.Kind)} #{cell.Unit}";

    /// <summary>"layer 2 · tanh(c) · cell #117".</summary>
    public static string Long(CellId cell) => $"layer {cell.Layer + 1} · {ActivationKinds.Symbol(cell.Kind)} · cell #{cell.Unit}";

    /// <summary>"tanh(c) — cell state, squashed" style names for the kind picker.</summary>
    public static string Kind(ActivationKind kind) => kind switch
    {
        ActivationKind.Cell => "c — cell state",
        ActivationKind.TanhCell => "tanh(c) — cell, squashed",
        ActivationKind.Hidden => "h — hidden output",
        ActivationKind.InputGate => "i — input gate",
        ActivationKind.ForgetGate => "f — forget gate",
        ActivationKind.OutputGate => "o — output gate",
        ActivationKind.CandidateGate => "g — candidate",
        ActivationKind.ResetGate => "r — reset gate",
        ActivationKind.UpdateGate => "z — update gate",
        ActivationKind.NewGate => "n — new state",
        _ => ActivationKinds.ShortName(kind),
    };

    /// <summary>The cell <paramref name="step"/> places after <paramref name="cell"/>, going through
    /// the units of a layer, then on to the next layer, wrapping around at the ends.</summary>
    public static CellId Step(CellId cell, int step, int layers, int units)
    {
        int total = layers * units;
        int index = ((cell.Layer * units + cell.Unit + step) % total + total) % total;
        return cell with { Layer = index / units, Unit = index % units };
    }
}
