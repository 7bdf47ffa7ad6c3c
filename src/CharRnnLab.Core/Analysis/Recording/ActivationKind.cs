using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// One kind of per-unit value a recurrent layer computes at each character.
/// LSTM: c, tanh(c), h and its gates i, f, o, g. GRU: h and r, z, n. Vanilla RNN: h.
/// </summary>
public enum ActivationKind
{
    /// <summary>LSTM cell state c (unbounded; the "memory").</summary>
    Cell,
    /// <summary>tanh(c): the cell squashed to (-1, 1), what LSTMVis and Karpathy plot.</summary>
    TanhCell,
    /// <summary>Hidden output h (all cell types): what the next layer and the head see.</summary>
    Hidden,
    /// <summary>LSTM input gate i = σ(·), in (0, 1).</summary>
    InputGate,
    /// <summary>LSTM forget gate f = σ(·), in (0, 1).</summary>
    ForgetGate,
    /// <summary>LSTM output gate o = σ(·), in (0, 1).</summary>
    OutputGate,
    /// <summary>LSTM candidate g = tanh(·), in (-1, 1).</summary>
    CandidateGate,
    /// <summary>GRU reset gate r = σ(·), in (0, 1).</summary>
    ResetGate,
    /// <summary>GRU update gate z = σ(·), in (0, 1); h' = (1 − z)·n + z·h.</summary>
    UpdateGate,
    /// <summary>GRU new-state candidate n = tanh(·), in (-1, 1).</summary>
    NewGate,
}

/// <summary>Which kinds each cell type has, and their stable short names (file names, JSON, CLI).</summary>
public static class ActivationKinds
{
    private static readonly ActivationKind[] LstmKinds =
    [
        ActivationKind.Cell, ActivationKind.TanhCell, ActivationKind.Hidden, ActivationKind.InputGate,
        ActivationKind.ForgetGate, ActivationKind.OutputGate, ActivationKind.CandidateGate,
    ];
    private static readonly ActivationKind[] GruKinds =
        [ActivationKind.Hidden, ActivationKind.ResetGate, ActivationKind.UpdateGate, ActivationKind.NewGate];
    private static readonly ActivationKind[] RnnKinds = [ActivationKind.Hidden];

    /// <summary>The kinds a layer of <paramref name="cell"/> produces, in a fixed order.</summary>
    public static IReadOnlyList<ActivationKind> For(CellType cell) => cell switch
    {
        CellType.Lstm => LstmKinds,
        CellType.Gru => GruKinds,
        _ => RnnKinds,
    };

    /// <summary>Every (layer, kind) pair: layers in the given order, each with the kinds in theirs.</summary>
    public static IEnumerable<(int Layer, ActivationKind Kind)> LayerKindPairs(IEnumerable<int> layers, IEnumerable<ActivationKind> kinds) =>
        layers.SelectMany(layer => kinds.Select(kind => (layer, kind)));

    /// <summary>Gates squashed by a sigmoid, in (0, 1): the ones whose saturation is meaningful.</summary>
    public static bool IsSigmoidGate(ActivationKind kind) => kind is ActivationKind.InputGate or
        ActivationKind.ForgetGate or ActivationKind.OutputGate or ActivationKind.ResetGate or ActivationKind.UpdateGate;

    /// <summary>Snake-case name: "cell", "tanh_cell", "hidden", "input_gate", … (used in file names and JSON).</summary>
    public static string ShortName(ActivationKind kind) => kind switch
    {
        ActivationKind.Cell => "cell",
        ActivationKind.TanhCell => "tanh_cell",
        ActivationKind.Hidden => "hidden",
        ActivationKind.InputGate => "input_gate",
        ActivationKind.ForgetGate => "forget_gate",
        ActivationKind.OutputGate => "output_gate",
        ActivationKind.CandidateGate => "candidate_gate",
        ActivationKind.ResetGate => "reset_gate",
        ActivationKind.UpdateGate => "update_gate",
        ActivationKind.NewGate => "new_gate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>One-letter symbol used in papers: c, tanh(c), h, i, f, o, g, r, z, n.</summary>
    public static string Symbol(ActivationKind kind) => kind switch
    {
        ActivationKind.Cell => "c",
        ActivationKind.TanhCell => "tanh(c)",
        ActivationKind.Hidden => "h",
        ActivationKind.InputGate => "i",
        ActivationKind.ForgetGate => "f",
        ActivationKind.OutputGate => "o",
        ActivationKind.CandidateGate => "g",
        ActivationKind.ResetGate => "r",
        ActivationKind.UpdateGate => "z",
        ActivationKind.NewGate => "n",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a short name ("tanh_cell") or a symbol ("c", "h", "i", …), case-insensitively.</summary>
    public static bool TryParse(string name, out ActivationKind kind)
    {
        foreach (var k in Enum.GetValues<ActivationKind>())
        {
            if (string.Equals(ShortName(k), name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(Symbol(k), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
