using static TorchSharp.torch;

namespace CharRnnLab.Core.Interventions;

/// <summary>
/// One layer's interventions applied to S streams stepped together by the recorder. Stream s is
/// at text position start[s] + w at window step w; the starts are ascending, so the streams an
/// edit is active in (position ≥ From) are always a suffix s ≥ s0, edited through a view.
/// </summary>
internal sealed class StreamEdits : ILayerEdits
{
    private readonly IReadOnlyList<Intervention> _cell, _hidden;
    private readonly int[] _start;

    private StreamEdits(IReadOnlyList<Intervention> cell, IReadOnlyList<Intervention> hidden, int[] start)
    {
        _cell = cell;
        _hidden = hidden;
        _start = start;
    }

    /// <summary>The edits of <paramref name="layer"/>, or null when it has none.</summary>
    public static StreamEdits? For(InterventionSet? set, int layer, int[] streamStart)
    {
        if (set is null || set.CellEdits(layer).Count + set.HiddenEdits(layer).Count == 0) return null;
        return new StreamEdits(set.CellEdits(layer), set.HiddenEdits(layer), streamStart);
    }

    /// <summary>Edits c (S, H) in place after c = f⊙c + i⊙g, before tanh(c) and h are computed from it.</summary>
    public void Cell(Tensor c, int windowStep) => Apply(_cell, c, windowStep);

    /// <summary>Edits h (S, H) in place once it is computed.</summary>
    public void Hidden(Tensor h, int windowStep) => Apply(_hidden, h, windowStep);

    private void Apply(IReadOnlyList<Intervention> edits, Tensor state, int windowStep)
    {
        foreach (var edit in edits)
        {
            int first = FirstActiveStream(edit.From - windowStep);
            if (first == _start.Length) continue;
            var column = state.narrow(0, first, _start.Length - first).select(1, edit.Unit); // (S − s0)
            if (edit.Action == InterventionAction.Scale) column.mul_(edit.Value);
            else column.fill_(edit.Value);
        }
    }

    // The first stream whose start is ≥ minStart (starts ascend), or S when none is.
    private int FirstActiveStream(int minStart)
    {
        int s = 0;
        while (s < _start.Length && _start[s] < minStart) s++;
        return s;
    }
}
