namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// Where one layer's kept values go: for a (kind, stream, window step) that is kept, the row of
/// its text position in the recording's [characters × units] store. A float32 store hands out
/// that row to compute into (<see cref="Row"/>), so a step writes each value once, to its final
/// place; a float16 store takes the computed row and converts it (<see cref="Keep"/>). Derived
/// kinds (<see cref="StoragePlan"/>) have no store here: their rows are scratch.
/// </summary>
internal sealed class LayerSink
{
    private readonly StreamPlan _plan;
    private readonly int _units;
    private readonly WritableStore?[] _stores; // by kind; null = not stored

    public LayerSink(StreamPlan plan, int units, IReadOnlyDictionary<ActivationKind, WritableStore> stored)
    {
        _plan = plan;
        _units = units;
        _stores = new WritableStore?[Enum.GetValues<ActivationKind>().Length];
        foreach (var (kind, store) in stored) _stores[(int)kind] = store;
        Kinds = stored.Keys.ToHashSet();
    }

    /// <summary>The kinds this layer stores.</summary>
    public IReadOnlySet<ActivationKind> Kinds { get; }

    /// <summary>
    /// Where to compute <paramref name="kind"/> for stream s at window step w: its kept float32 row, or
    /// <paramref name="scratch"/> (not kept, derived, or stored as float16). Pass the result to <see cref="Keep"/>.
    /// </summary>
    public Span<float> Row(ActivationKind kind, int s, int w, Span<float> scratch) =>
        _stores[(int)kind] is { } store && _plan.Keeps(s, w) && store.InPlace(Offset(s, w), _units) is { IsEmpty: false } row ? row : scratch;

    /// <summary>Keeps <paramref name="row"/> at its place, if (kind, s, w) is stored and kept; free when it is the row <see cref="Row"/> gave.</summary>
    public void Keep(ActivationKind kind, int s, int w, ReadOnlySpan<float> row)
    {
        if (_stores[(int)kind] is { } store && _plan.Keeps(s, w)) store.Write(Offset(s, w), row);
    }

    /// <summary>Keeps a chunk's values of one kind, (S, C, H) row-major, at their kept places.</summary>
    public void KeepChunk(ActivationKind kind, ReadOnlySpan<float> chunk, int t0, int steps)
    {
        if (_stores[(int)kind] is not { } store) return;
        foreach (var (source, target, length) in _plan.KeptRanges(t0, steps, _units))
            store.Write(target, chunk.Slice(source, length));
    }

    private int Offset(int s, int w) => (_plan.Start[s] + w) * _units;
}
