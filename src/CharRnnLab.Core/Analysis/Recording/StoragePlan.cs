using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// Which kept (layer, kind) arrays a recording stores and which it derives on read from stored
/// ones: an LSTM layer's tanh c from its c, and its h = o⊙tanh c from its o and c unless an edit
/// sets that layer's h (then h is no function of o and c, and is stored). The rest are stored.
/// For every LSTM kind of a 2×512 model that is 5 arrays a layer instead of 7.
/// </summary>
internal sealed class StoragePlan
{
    private StoragePlan(HashSet<(int Layer, ActivationKind Kind)> kept, HashSet<(int Layer, ActivationKind Kind)> derived)
    {
        Derived = derived;
        Stored = kept.Except(derived).ToHashSet();
    }

    /// <summary>The arrays the recorder writes.</summary>
    public IReadOnlySet<(int Layer, ActivationKind Kind)> Stored { get; }

    /// <summary>The arrays computed on read (each from stored arrays of its own layer).</summary>
    public IReadOnlySet<(int Layer, ActivationKind Kind)> Derived { get; }

    public static StoragePlan Create(CellType cell, IEnumerable<(int Layer, ActivationKind Kind)> kept, InterventionSet? edits)
    {
        var all = kept.ToHashSet();
        var derived = new HashSet<(int, ActivationKind)>();
        if (cell == CellType.Lstm)
        {
            foreach (int layer in all.Select(k => k.Layer).Distinct())
            {
                if (!all.Contains((layer, ActivationKind.Cell))) continue;
                if (all.Contains((layer, ActivationKind.TanhCell))) derived.Add((layer, ActivationKind.TanhCell));
                bool hiddenEdited = edits is not null && edits.HiddenEdits(layer).Count > 0;
                if (all.Contains((layer, ActivationKind.Hidden)) && all.Contains((layer, ActivationKind.OutputGate)) && !hiddenEdited)
                    derived.Add((layer, ActivationKind.Hidden));
            }
        }
        return new StoragePlan(all, derived);
    }

    /// <summary>A store of <paramref name="length"/> values for every stored array, in <paramref name="precision"/>.</summary>
    public Dictionary<(int Layer, ActivationKind Kind), WritableStore> Allocate(RecordingPrecision precision, int length) =>
        Stored.ToDictionary(key => key, _ => WritableStore.Create(precision, length));

    /// <summary>Every kept array: the written stores and, over them, the derived ones.</summary>
    public Dictionary<(int Layer, ActivationKind Kind), ActivationStore> Readable(IReadOnlyDictionary<(int Layer, ActivationKind Kind), WritableStore> written)
    {
        var all = written.ToDictionary(e => e.Key, e => (ActivationStore)e.Value);
        foreach (var (layer, kind) in Derived)
        {
            var cell = written[(layer, ActivationKind.Cell)];
            all[(layer, kind)] = kind == ActivationKind.TanhCell ? new TanhCellStore(cell)
                : new LstmHiddenStore(written[(layer, ActivationKind.OutputGate)], cell);
        }
        return all;
    }

    /// <summary>Bytes the stored arrays take for <paramref name="characters"/> characters of <paramref name="units"/> units.</summary>
    public long StoredBytes(RecordingPrecision precision, int characters, int units) =>
        (long)Stored.Count * characters * units * (precision == RecordingPrecision.Single ? sizeof(float) : sizeof(ushort));
}
