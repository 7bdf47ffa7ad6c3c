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

    /// <summary>"tanh(c) · cell, squashed" style names for the kind picker.</summary>
    public static string Kind(ActivationKind kind) => kind switch
    {
        ActivationKind.Cell => "c · cell state",
        ActivationKind.TanhCell => "tanh(c) · cell, squashed",
        ActivationKind.Hidden => "h · hidden output",
        ActivationKind.InputGate => "i · input gate",
        ActivationKind.ForgetGate => "f · forget gate",
        ActivationKind.OutputGate => "o · output gate",
        ActivationKind.CandidateGate => "g · candidate",
        ActivationKind.ResetGate => "r · reset gate",
        ActivationKind.UpdateGate => "z · update gate",
        ActivationKind.NewGate => "n · new state",
        _ => ActivationKinds.ShortName(kind),
    };

    /// <summary>"2/tanh_cell/117": the data-cell attribute by which the browser recolours on a click at once.</summary>
    public static string DataCell(CellId cell) => $"{cell.Layer + 1}/{ActivationKinds.ShortName(cell.Kind)}/{cell.Unit}";

    /// <summary>Parses what <see cref="DataCell"/> writes; null if it is not a cell.</summary>
    public static CellId? ParseDataCell(int layer, string kind, int unit) =>
        layer >= 1 && unit >= 0 && ActivationKinds.TryParse(kind, out var k) ? new CellId(layer - 1, k, unit) : null;
}
