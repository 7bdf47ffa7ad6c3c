using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>One cell of the network: a unit of one layer, seen through one kind of value.</summary>
/// <param name="Layer">0-based layer (front ends show Layer + 1).</param>
/// <param name="Kind">Which value of the unit (c, h, a gate…).</param>
/// <param name="Unit">0-based unit within the layer.</param>
public readonly record struct CellId(int Layer, ActivationKind Kind, int Unit)
{
    public override string ToString() => $"layer {Layer + 1} {ActivationKinds.ShortName(Kind)} #{Unit}";
}

/// <summary>Which recorded arrays an analysis looks at; null = every one recorded.</summary>
/// <param name="Layers">0-based layers.</param>
/// <param name="Kinds">Kinds of value.</param>
public sealed record CellSelection(IReadOnlyList<int>? Layers = null, IReadOnlyList<ActivationKind>? Kinds = null)
{
    public static CellSelection All { get; } = new();

    /// <summary>
    /// The selected (layer, kind) arrays present in <paramref name="recording"/>, in layer then kind
    /// order, each read as it is reached: a float16 recording decodes one array at a time, not all at once.
    /// </summary>
    public IEnumerable<(int Layer, ActivationKind Kind, float[] Values)> Arrays(ActivationRecording recording)
    {
        var pairs = recording.Arrays
            .Where(pair => (Layers is null || Layers.Contains(pair.Layer)) && (Kinds is null || Kinds.Contains(pair.Kind)))
            .ToList();
        if (pairs.Count == 0)
            throw new CharRnnException("No recorded values match the chosen layers and kinds. The recording holds layers " +
                $"{string.Join(", ", recording.RecordedLayers.Select(l => l + 1))} and kinds " +
                $"{string.Join(", ", recording.RecordedKinds.Select(ActivationKinds.ShortName))}.");
        return pairs.Select(pair => (pair.Layer, pair.Kind, recording.Get(pair.Layer, pair.Kind)));
    }
}
