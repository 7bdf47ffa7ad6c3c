using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using CharRnnLab.Core.Checkpoints.Export;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Checkpoints.Export;

/// <summary>The safetensors file read back by the format's own rules: PyTorch's names and shapes, the data, the metadata.</summary>
public sealed class SafetensorsWriterTests
{
    [Fact]
    public void An_lstm_with_embedding_is_written_under_pytorch_names_with_its_data_and_metadata()
    {
        var weights = TestModels.Random(CellType.Lstm, layers: 2, hidden: 4, vocabulary: 5, embedding: 3);
        using var file = new MemoryStream();

        WeightsExporter.Write(file, weights, "tiny", ExportFormat.Safetensors);

        byte[] bytes = file.ToArray();
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, (8 + headerLength) % 8);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var tensors = header.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").ToList();
        Assert.Equal(
            ["embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
             "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1", "decoder.weight", "decoder.bias"],
            tensors.Select(t => t.Name));
        Assert.Equal([16L, 3], Shape(tensors[1])); // (4·H, E): the first layer reads the embedding
        Assert.Equal([5L, 4], Shape(tensors[^2]));
        var data = bytes.AsSpan(8 + (int)headerLength);
        Assert.Equal(weights.Embedding, Floats(data, tensors[0]));
        Assert.Equal(weights.Layers[1].WeightHh, Floats(data, tensors[6]));
        Assert.Equal(weights.HeadBias, Floats(data, tensors[^1]));
        Assert.Equal(data.Length, tensors[^1].Value.GetProperty("data_offsets")[1].GetInt64());
        var metadata = header.RootElement.GetProperty("__metadata__");
        Assert.Equal("[\"a\",\"b\",\"c\",\"d\",\"e\"]", metadata.GetProperty("vocabulary").GetString());
        Assert.Equal("{\"cell\":\"lstm\",\"layers\":2,\"hidden\":4,\"embedding\":3,\"dropout\":0,\"gateCount\":4}", metadata.GetProperty("model").GetString());
        Assert.Equal(("tiny", "0"), (metadata.GetProperty("corpus").GetString(), metadata.GetProperty("iteration").GetString()));
    }

    [Fact]
    public void A_one_hot_gru_has_no_embedding_and_reads_the_vocabulary()
    {
        var weights = TestModels.Random(CellType.Gru, layers: 1, hidden: 4, vocabulary: 5);
        using var file = new MemoryStream();

        WeightsExporter.Write(file, weights, "tiny", ExportFormat.Safetensors);

        byte[] bytes = file.ToArray();
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes)));
        Assert.False(header.RootElement.TryGetProperty("embedding.weight", out _));
        Assert.Equal([12L, 5], Shape(header.RootElement.EnumerateObject().Single(p => p.Name == "rnn.weight_ih_l0")));
    }

    private static long[] Shape(JsonProperty tensor) =>
        tensor.Value.GetProperty("shape").EnumerateArray().Select(s => s.GetInt64()).ToArray();

    private static float[] Floats(ReadOnlySpan<byte> data, JsonProperty tensor)
    {
        var offsets = tensor.Value.GetProperty("data_offsets");
        int begin = offsets[0].GetInt32(), end = offsets[1].GetInt32();
        return MemoryMarshal.Cast<byte, float>(data[begin..end]).ToArray();
    }
}
