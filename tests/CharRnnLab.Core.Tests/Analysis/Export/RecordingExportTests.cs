using System.Text.Json;
using CharRnnLab.Core.Analysis.Export;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Analysis.Export;

public sealed class RecordingExportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "charrnn-export-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(new long[] { 3, 5 }, "(3, 5)")]
    [InlineData(new long[] { 7 }, "(7,)")]
    [InlineData(new long[] { 12345, 3 }, "(12345, 3)")]
    public void Npy_file_has_a_64_byte_aligned_v1_header_and_little_endian_values(long[] shape, string expectedShape)
    {
        var values = Enumerable.Range(0, (int)shape.Aggregate(1L, (a, b) => a * b)).Select(i => i * 0.5f - 3).ToArray();
        string path = Path.Combine(Directory.CreateDirectory(_directory).FullName, "a.npy");

        NpyWriter.WriteFile(path, values, shape);
        var npy = NpyReader.Read(path);

        Assert.Equal(("<f4", false), (npy.Descr, npy.FortranOrder));
        Assert.Equal(shape, npy.Shape);
        Assert.Contains($"'shape': {expectedShape}", NpyWriter.Header("<f4", shape));
        Assert.Equal(values, npy.Floats());
    }

    [Fact]
    public void Export_writes_text_arrays_guesses_csv_and_an_index_that_describes_them()
    {
        var weights = TestModels.Random(CellType.Gru, 2, hidden: 3, vocabulary: 4);
        string text = TestModels.Text(25, 4);
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact);

        var export = RecordingExporter.Write(recording, _directory, csv: true, source: "ckpt/dir");

        Assert.Equal(text, File.ReadAllText(Path.Combine(_directory, "text.txt")));
        var hidden = NpyReader.Read(Path.Combine(_directory, "layer2_hidden.npy"));
        Assert.Equal(new long[] { 25, 3 }, hidden.Shape);
        Assert.Equal(recording.Get(1, ActivationKind.Hidden), hidden.Floats());
        var symbols = NpyReader.Read(Path.Combine(_directory, "next_top_symbols.npy"));
        Assert.Equal("<i4", symbols.Descr);
        Assert.Equal(new long[] { 25, 4 }, symbols.Shape);
        Assert.Equal(recording.Guesses.SymbolIndices, symbols.Ints());
        Assert.Equal(new long[] { 25 }, NpyReader.Read(Path.Combine(_directory, "next_symbol_probability.npy")).Shape);

        string[] csv = File.ReadAllLines(Path.Combine(_directory, "layer1_update_gate.csv"));
        Assert.Equal(["position", "v0", "v1", "v2"], csv[0].Split(','));
        Assert.Equal(26, csv.Length);
        Assert.Equal(recording.Get(0, ActivationKind.UpdateGate)[3], float.Parse(csv[2].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));

        using var index = JsonDocument.Parse(File.ReadAllText(export.IndexFile));
        var root = index.RootElement;
        Assert.Equal(25, root.GetProperty("characters").GetInt32());
        Assert.Equal(4, root.GetProperty("symbols").GetInt32());
        Assert.Equal(2, root.GetProperty("layers").GetInt32());
        Assert.Equal(3, root.GetProperty("units").GetInt32());
        Assert.Equal("gru", root.GetProperty("model").GetProperty("cell").GetString());
        Assert.Equal("ckpt/dir", root.GetProperty("source").GetString());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2 * 4 + 3, files.Count);
        var first = files[0];
        Assert.Equal(("layer1_hidden.npy", "hidden", 1), (first.GetProperty("file").GetString(), first.GetProperty("kind").GetString(), first.GetProperty("layer").GetInt32()));
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(_directory, f.GetProperty("file").GetString()!))));
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(_directory, f.GetProperty("csv").GetString()!))));
    }
}
