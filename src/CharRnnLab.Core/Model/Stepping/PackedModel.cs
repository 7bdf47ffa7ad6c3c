using System.Runtime.CompilerServices;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary>One layer packed: input projection (null for layer 0, read from the input table) and recurrent weights.</summary>
internal sealed record PackedLayer(PackedMatrix? InputWeights, PackedMatrix RecurrentWeights);

/// <summary>
/// A snapshot's weights packed once per precision (packing 2×512 takes ≈ 10 ms; a slider drag
/// samples many times from one snapshot): layer 0's input table, the layers and the head.
/// Hp = units padded to a multiple of 8; every buffer uses it.
/// </summary>
internal sealed class PackedModel
{
    private static readonly ConditionalWeakTable<ModelWeights, PackedModel[]> Cache = new();

    private PackedModel(ModelWeights w, WeightPrecision precision)
    {
        Config = w.Config;
        int h = w.Config.Hidden, g = w.Config.GateCount;
        PaddedUnits = PackedMatrix.RoundUp(h, 8);
        InputTable = PaddedTable(ManagedRnn.BuildInputTable(w), g, h, PaddedUnits);
        Layers = w.Layers.Select((layer, l) => new PackedLayer(
            l == 0 ? null : PackedMatrix.Create(layer.WeightIh, layer.BiasIh, g, h, layer.InputSize, precision),
            PackedMatrix.Create(layer.WeightHh, layer.BiasHh, g, h, h, precision))).ToArray();
        Head = PackedMatrix.Create(w.HeadWeight, w.HeadBias, 1, w.Vocabulary.Count, h, precision);
    }

    public ModelConfig Config { get; }
    public int PaddedUnits { get; }

    /// <summary>(V) rows of (G·Hp): layer 0's W_ih·x_v + b_ih for every symbol v.</summary>
    public float[][] InputTable { get; }

    public PackedLayer[] Layers { get; }
    public PackedMatrix Head { get; }

    public static PackedModel For(ModelWeights weights, WeightPrecision precision)
    {
        var byPrecision = Cache.GetValue(weights, _ => new PackedModel[Enum.GetValues<WeightPrecision>().Length]);
        lock (byPrecision)
            return byPrecision[(int)precision] ??= new PackedModel(weights, precision);
    }

    private static float[][] PaddedTable(float[][] table, int gates, int units, int padded) =>
        table.Select(row =>
        {
            var p = new float[gates * padded];
            for (int g = 0; g < gates; g++) Array.Copy(row, g * units, p, g * padded, units);
            return p;
        }).ToArray();
}
