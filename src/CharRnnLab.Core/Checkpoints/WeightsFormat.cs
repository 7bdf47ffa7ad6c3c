using System.Runtime.InteropServices;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// model.bin: the weights as little-endian float32 arrays, each prefixed by its length, in
/// <see cref="ParameterLayout"/>'s order (the embedding's slot is there, empty, for one-hot input).
/// Plain CPU data, so a checkpoint trained on CUDA loads anywhere. Every length is checked
/// against the shape the metadata promises.
/// </summary>
internal static class WeightsFormat
{
    private const int Magic = 0x57_4E_52_43; // "CRNW"

    public static void Write(BinaryWriter w, ModelWeights weights)
    {
        w.Write(Magic);
        if (weights.Embedding is null) WriteArray(w, []); // the embedding slot, empty for one-hot input
        foreach (var (_, values) in ParameterLayout.Of(weights)) WriteArray(w, values);
    }

    public static ModelWeights Read(BinaryReader r, ModelConfig config, Vocabulary vocabulary, int iteration)
    {
        if (r.ReadInt32() != Magic) throw new InvalidDataException("model.bin has the wrong signature");
        if (config.Embedding == 0) ReadArray(r, 0, ParameterLayout.Embedding);
        var arrays = ParameterLayout.For(config, vocabulary.Count).Select(p => ReadArray(r, p.Count, p.Name)).ToList();
        return ParameterLayout.Build(config, vocabulary, arrays, iteration);
    }

    /// <summary>The exact size of model.bin for a model of this shape: what reading it may inflate to.</summary>
    public static long ByteCount(ModelConfig config, int vocabulary)
    {
        var layout = ParameterLayout.For(config, vocabulary);
        int slots = layout.Count + (config.Embedding == 0 ? 1 : 0);
        return sizeof(int) + slots * (long)sizeof(int) + layout.Sum(p => p.Count * sizeof(float));
    }

    /// <summary>True when no weight is NaN or infinite: the test before a checkpoint may replace a good one.</summary>
    public static bool AllFinite(ModelWeights weights) => ParameterLayout.Of(weights).All(p => Finite(p.Values));

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
