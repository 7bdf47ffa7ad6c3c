using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CharRnnLab.Core.Analysis.Export;

/// <summary>
/// Writes NumPy .npy files (format version 1.0), readable with <c>numpy.load</c>: the magic
/// "\x93NUMPY", version 1.0, a little-endian uint16 header length, then a Python-dict header
/// padded with spaces and ending in '\n' so the data starts at a multiple of 64 bytes, then
/// the little-endian data in C (row-major) order.
/// </summary>
public static class NpyWriter
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];
    private const int Alignment = 64;

    public static void Write(Stream stream, ReadOnlySpan<float> data, params long[] shape) =>
        Write(stream, MemoryMarshal.AsBytes(data), "<f4", sizeof(float), data.Length, shape);

    public static void Write(Stream stream, ReadOnlySpan<int> data, params long[] shape) =>
        Write(stream, MemoryMarshal.AsBytes(data), "<i4", sizeof(int), data.Length, shape);

    public static void WriteFile(string path, ReadOnlySpan<float> data, params long[] shape)
    {
        using var file = File.Create(path);
        Write(file, data, shape);
    }

    public static void WriteFile(string path, ReadOnlySpan<int> data, params long[] shape)
    {
        using var file = File.Create(path);
        Write(file, data, shape);
    }

    /// <summary>The header text for a dtype and shape, padded to the alignment (exposed for tests).</summary>
    public static string Header(string descr, long[] shape)
    {
        string dims = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {dims}, }}";
        int unpadded = Magic.Length + sizeof(ushort) + dict.Length + 1; // + '\n'
        int padding = (Alignment - unpadded % Alignment) % Alignment;
        return dict + new string(' ', padding) + "\n";
    }

    private static void Write(Stream stream, ReadOnlySpan<byte> bytes, string descr, int itemSize, long count, long[] shape)
    {
        if (shape.Aggregate(1L, (a, b) => a * b) != count)
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) does not hold {count} values.", nameof(shape));
        string header = Header(descr, shape);
        stream.Write(Magic);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));
        if (BitConverter.IsLittleEndian) { stream.Write(bytes); return; }
        var swapped = bytes.ToArray();
        for (int i = 0; i < swapped.Length; i += itemSize) swapped.AsSpan(i, itemSize).Reverse();
        stream.Write(swapped);
    }
}
