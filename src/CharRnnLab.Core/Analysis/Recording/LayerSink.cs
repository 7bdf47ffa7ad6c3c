namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// Where one layer's kept values go: for a (kind, stream, window step) that is kept, the row of
/// its text position in the recording's [characters × units] array; otherwise a scratch row the
/// caller provides. So a step writes each value once, to its final place.
/// </summary>
internal sealed class LayerSink
{
    private readonly StreamPlan _plan;
    private readonly int _units;
    private readonly float[]?[] _arrays; // by kind; null = not kept

    public LayerSink(StreamPlan plan, int units, IReadOnlyDictionary<ActivationKind, float[]> kept)
    {
        _plan = plan;
        _units = units;
        _arrays = new float[]?[Enum.GetValues<ActivationKind>().Length];
        foreach (var (kind, array) in kept) _arrays[(int)kind] = array;
        Kinds = kept.Keys.ToHashSet();
    }

    /// <summary>The kinds this layer keeps.</summary>
    public IReadOnlySet<ActivationKind> Kinds { get; }

    /// <summary>The kept row of <paramref name="kind"/> for stream s at window step w, or <paramref name="scratch"/>.</summary>
    public Span<float> Row(ActivationKind kind, int s, int w, Span<float> scratch) =>
        _arrays[(int)kind] is { } array && _plan.Keeps(s, w) ? array.AsSpan((_plan.Start[s] + w) * _units, _units) : scratch;

    /// <summary>Copies <paramref name="row"/> to its kept place, if (kind, s, w) is kept.</summary>
    public void Keep(ActivationKind kind, int s, int w, ReadOnlySpan<float> row)
    {
        if (_arrays[(int)kind] is { } array && _plan.Keeps(s, w)) row.CopyTo(array.AsSpan((_plan.Start[s] + w) * _units, _units));
    }

    /// <summary>Copies a chunk's values of one kind, (S, C, H) row-major, to their kept places.</summary>
    public void KeepChunk(ActivationKind kind, ReadOnlySpan<float> chunk, int t0, int steps)
    {
        if (_arrays[(int)kind] is { } array) _plan.CopyKept(chunk, t0, steps, _units, array);
    }
}
