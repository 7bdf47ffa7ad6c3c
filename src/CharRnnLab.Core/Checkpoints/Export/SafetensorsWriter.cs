using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints.Export;

/// <summary>
/// Writes a safetensors file: the header's length (uint64, little-endian), the header (JSON: per
/// tensor its dtype, shape and [begin, end) byte offsets into the data, plus <c>__metadata__</c>,
/// padded with spaces to a multiple of 8 bytes), then every tensor's float32 data, in order.
/// Managed code only: no libtorch.
/// </summary>
public static class SafetensorsWriter
{
    private const int Alignment = 8;

    public static void Write(Stream output, IReadOnlyList<(ParameterShape Shape, float[] Values)> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        byte[] header = Header(tensors, metadata);
        Span<byte> length = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        output.Write(length);
        output.Write(header);
        // Little-endian hosts (x64, arm64), as model.bin assumes: the array's bytes are the file's.
        foreach (var (_, values) in tensors) output.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static byte[] Header(IReadOnlyList<(ParameterShape Shape, float[] Values)> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach (var (key, value) in metadata) json.WriteString(key, value);
            json.WriteEndObject();
            long offset = 0;
            foreach (var (shape, values) in tensors)
            {
                long end = offset + (long)values.Length * sizeof(float);
                json.WriteStartObject(shape.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (long size in shape.Shape) json.WriteNumberValue(size);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        while ((buffer.Length + sizeof(ulong)) % Alignment != 0) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }
}
