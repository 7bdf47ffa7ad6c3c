using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Analysis.Export;

/// <summary>One file of an exported recording, as listed in index.json.</summary>
/// <param name="File">The .npy file name, relative to the export directory.</param>
/// <param name="Csv">The CSV beside it, or null when none was asked for.</param>
/// <param name="Kind">Short kind name ("cell", "hidden", …) or the guesses' array name.</param>
/// <param name="Layer">1-based layer, or null for the next-symbol guesses.</param>
/// <param name="Dtype">"float32" or "int32".</param>
/// <param name="Shape">(characters, units) or (characters, K) or (characters).</param>
public sealed record ExportedArray(string File, string? Csv, string Kind, int? Layer, string Dtype, long[] Shape);

/// <summary>What <see cref="RecordingExporter.Write"/> wrote.</summary>
public sealed record RecordingExport(string Directory, string IndexFile, IReadOnlyList<ExportedArray> Arrays);

/// <summary>
/// Writes a recording as files other tools read: text.txt (UTF-8), one float32 .npy of shape
/// (characters, units) per layer and kind (layer1_cell.npy, layer2_hidden.npy… layers
/// numbered from 1), the next-symbol guesses (next_top_symbols.npy int32 and
/// next_top_probabilities.npy (characters, K), next_symbol_probability.npy (characters,)),
/// optionally a CSV beside each, and index.json describing it all.
/// </summary>
public static class RecordingExporter
{
    public const string TextFile = "text.txt", IndexFile = "index.json";

    /// <param name="recording">The recording to write.</param>
    /// <param name="directory">Created if missing; existing files of the same names are replaced.</param>
    /// <param name="csv">Also write a CSV beside each .npy.</param>
    /// <param name="source">Where the weights came from (a checkpoint path), recorded in index.json.</param>
    public static RecordingExport Write(ActivationRecording recording, string directory, bool csv = false, string? source = null)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, TextFile), recording.Text, new UTF8Encoding(false));
        var arrays = new List<ExportedArray>();
        long n = recording.Characters;
        foreach (var (layer, kind) in recording.Arrays.OrderBy(a => a.Layer).ThenBy(a => a.Kind))
        {
            string name = $"layer{layer + 1}_{ActivationKinds.ShortName(kind)}";
            arrays.Add(WriteFloats(directory, name, recording.Get(layer, kind), [n, recording.Units], ActivationKinds.ShortName(kind), layer + 1, csv));
        }
        var guesses = recording.Guesses;
        arrays.Add(WriteInts(directory, "next_top_symbols", guesses.SymbolIndices, [n, guesses.K], csv));
        arrays.Add(WriteFloats(directory, "next_top_probabilities", guesses.Probabilities, [n, guesses.K], "next_top_probabilities", null, csv));
        arrays.Add(WriteFloats(directory, "next_symbol_probability", guesses.NextSymbolProbability, [n], "next_symbol_probability", null, csv));
        string index = Path.Combine(directory, IndexFile);
        File.WriteAllText(index, JsonSerializer.Serialize(Index(recording, arrays, source), JsonOptions));
        return new RecordingExport(directory, index, arrays);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep symbols such as & and ' readable
    };

    private static object Index(ActivationRecording r, List<ExportedArray> arrays, string? source) => new
    {
        Format = "charrnn-recording/1",
        Text = TextFile,
        Characters = r.Characters,
        Symbols = r.Vocabulary.Count,
        Vocabulary = r.Vocabulary.ToStrings(),
        Layers = r.Layers,
        Units = r.Units,
        LayerNumbering = "layers are numbered from 1",
        Model = new { Cell = r.Config.Cell.ToString().ToLowerInvariant(), r.Config.Layers, r.Config.Hidden, r.Config.Embedding, r.Config.Dropout },
        Source = source,
        Recording = new { r.Mode.Streams, r.Mode.WarmUp, r.Mode.SegmentLength, r.Mode.IsExact, Precision = r.Mode.Precision == RecordingPrecision.Half ? "fp16" : "fp32" },
        Interventions = r.Interventions.Select(i => i.ToString()).ToArray(), // "clamp 1:c:5=0.9@10", layers from 1
        Positions = "row t is the state after reading character t of text.txt (one Unicode scalar value each)",
        Files = arrays,
    };

    private static ExportedArray WriteFloats(string directory, string name, float[] values, long[] shape, string kind, int? layer, bool csv)
    {
        NpyWriter.WriteFile(Path.Combine(directory, name + ".npy"), values, shape);
        string? csvFile = csv ? WriteCsv(directory, name, shape, i => values[i].ToString("R", CultureInfo.InvariantCulture)) : null;
        return new ExportedArray(name + ".npy", csvFile, kind, layer, "float32", shape);
    }

    private static ExportedArray WriteInts(string directory, string name, int[] values, long[] shape, bool csv)
    {
        NpyWriter.WriteFile(Path.Combine(directory, name + ".npy"), values, shape);
        string? csvFile = csv ? WriteCsv(directory, name, shape, i => values[i].ToString(CultureInfo.InvariantCulture)) : null;
        return new ExportedArray(name + ".npy", csvFile, name, null, "int32", shape);
    }

    // One line per character: its position, then its values.
    private static string WriteCsv(string directory, string name, long[] shape, Func<long, string> value)
    {
        long rows = shape[0], columns = shape.Length > 1 ? shape[1] : 1;
        using var writer = new StreamWriter(Path.Combine(directory, name + ".csv"), false, new UTF8Encoding(false));
        writer.WriteLine("position," + string.Join(",", Enumerable.Range(0, (int)columns).Select(c => $"v{c}")));
        var line = new StringBuilder();
        for (long t = 0; t < rows; t++)
        {
            line.Clear().Append(t);
            for (long c = 0; c < columns; c++) line.Append(',').Append(value(t * columns + c));
            writer.WriteLine(line);
        }
        return name + ".csv";
    }
}
