using System.Runtime.InteropServices;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// model.bin: the weights as little-endian float32 arrays, each prefixed by its length, in a
/// fixed order (embedding, then per layer W_ih, W_hh, b_ih, b_hh, then head weight and bias).
/// Plain CPU data, so a checkpoint trained on CUDA loads anywhere. Every length is checked
/// against the shape the metadata promises.
/// </summary>
internal static class WeightsFormat
{
    private const int Magic = 0x57_4E_52_43; // "CRNW"

    public static void Write(BinaryWriter w, ModelWeights weights)
    {
        w.Write(Magic);
        WriteArray(w, weights.Embedding ?? []);
        foreach (var layer in weights.Layers)
        {
            WriteArray(w, layer.WeightIh);
            WriteArray(w, layer.WeightHh);
            WriteArray(w, layer.BiasIh);
            WriteArray(w, layer.BiasHh);
        }
        WriteArray(w, weights.HeadWeight);
        WriteArray(w, weights.HeadBias);
    }

    public static ModelWeights Read(BinaryReader r, ModelConfig config, Vocabulary vocabulary, int iteration)
    {
        if (r.ReadInt32() != Magic) throw new InvalidDataException("model.bin has the wrong signature");
        int v = vocabulary.Count, h = config.Hidden, g = config.GateCount * h;
        float[] embedding = ReadArray(r, config.Embedding * (long)v, "embedding");
        var layers = new LayerWeights[config.Layers];
        for (int l = 0; l < layers.Length; l++)
        {
            int input = l == 0 ? config.InputSize(v) : h;
            layers[l] = new LayerWeights(input, h,
                ReadArray(r, (long)g * input, $"weight_ih_l{l}"), ReadArray(r, (long)g * h, $"weight_hh_l{l}"),
                ReadArray(r, g, $"bias_ih_l{l}"), ReadArray(r, g, $"bias_hh_l{l}"));
        }
        float[] headWeight = ReadArray(r, (long)v * h, "head.weight");
        float[] headBias = ReadArray(r, v, "head.bias");
        return new ModelWeights(config, vocabulary, config.Embedding > 0 ? embedding : null, layers, headWeight, headBias, iteration);
    }

    /// <summary>True when no weight is NaN or infinite: the test before a checkpoint may replace a good one.</summary>
    public static bool AllFinite(ModelWeights weights) =>
        Finite(weights.Embedding ?? []) && Finite(weights.HeadWeight) && Finite(weights.HeadBias) &&
        weights.Layers.All(l => Finite(l.WeightIh) && Finite(l.WeightHh) && Finite(l.BiasIh) && Finite(l.BiasHh));

    private static bool Finite(float[] values)
    {
        foreach (float x in values) if (!float.IsFinite(x)) return false;
        return true;
    }

    internal static void WriteArray(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Reads one length-prefixed float array, refusing lengths the stream cannot hold.</summary>
    /// <param name="r">Reader positioned at the length prefix.</param>
    /// <param name="expected">Required length, or null to accept any length the stream can hold.</param>
    /// <param name="name">What the array is, for the error message.</param>
    internal static float[] ReadArray(BinaryReader r, long? expected, string name)
    {
        int length = r.ReadInt32();
        if (expected is not null && length != expected)
            throw new InvalidDataException($"{name} has {length} values where the model needs {expected}");
        if (length < 0 || length * 4L > r.BaseStream.Length - r.BaseStream.Position)
            throw new InvalidDataException($"{name} claims {length} values, more than the file holds");
        var values = new float[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        r.BaseStream.ReadExactly(bytes);
        return values;
    }
}
