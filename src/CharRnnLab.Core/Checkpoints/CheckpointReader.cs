using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// Reads one checkpoint's entries in the order they depend on each other: meta.json (under a fixed
/// cap), then history, weights, optimizer and resume state, each through a
/// <see cref="BoundedReadStream"/> capped by what the metadata's shapes allow (<see cref="EntryLimits"/>).
/// Errors are <see cref="InvalidDataException"/>s saying what is wrong; the caller names the file.
/// </summary>
internal sealed partial class CheckpointReader(string path) : IDisposable
{
    private readonly ZipArchive _zip = ZipFile.OpenRead(path);

    /// <summary>meta.json with its loss history.</summary>
    public CheckpointMetadata Metadata()
    {
        CheckpointMetadata meta;
        using (var json = Open(CheckpointFile.MetaEntry, EntryLimits.MetaBytes, "a checkpoint's metadata"))
            meta = Deserialize(json);
        Check(meta);
        using var history = Inflate(CheckpointFile.HistoryEntry, EntryLimits.History(meta), $"{meta.Iteration:N0} iterations of history");
        return meta with { History = HistoryFormat.Read(history) };
    }

    public ModelWeights Weights(CheckpointMetadata meta)
    {
        using var model = Inflate(CheckpointFile.ModelEntry, EntryLimits.Model(meta), EntryLimits.Describe(meta));
        using var reader = new BinaryReader(model);
        return WeightsFormat.Read(reader, meta.Model, Vocabulary.FromStrings(meta.Vocabulary), meta.Iteration);
    }

    public byte[] OptimizerState(CheckpointMetadata meta)
    {
        using var optimizer = Inflate(CheckpointFile.OptimizerEntry, EntryLimits.Optimizer(meta), $"the optimizer of {EntryLimits.Describe(meta)}");
        return optimizer.ToArray();
    }

    public ResumeState Resume(CheckpointMetadata meta)
    {
        using var state = Inflate(CheckpointFile.StateEntry, EntryLimits.State(meta), $"the resume state of {EntryLimits.Describe(meta)}");
        using var reader = new BinaryReader(state);
        return ResumeState.Read(reader);
    }

    private BoundedReadStream Open(string name, long limit, string what) => Open(Entry(name), limit, what);

    private ZipArchiveEntry Entry(string name) => _zip.GetEntry(name) ?? throw new InvalidDataException($"it has no {name}");

    private static BoundedReadStream Open(ZipArchiveEntry entry, long limit, string what) =>
        new(entry.Open(), limit, cap => new InvalidDataException($"{entry.FullName} inflates to more than {cap:N0} bytes, the most {what} takes"));

    /// <summary>An entry's bytes; the zip header's size is only a first guess at the buffer, never beyond the cap.</summary>
    private MemoryStream Inflate(string name, long limit, string what)
    {
        var entry = Entry(name);
        using var stream = Open(entry, limit, what);
        var buffer = new MemoryStream((int)Math.Clamp(entry.Length, 0, Math.Min(limit, Array.MaxLength)));
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    private static CheckpointMetadata Deserialize(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointMetadata>(json, CheckpointJson.Options)
                   ?? throw new InvalidDataException("meta.json is null");
        }
        catch (JsonException ex) when (Field(ex) is { } field)
        {
            throw new InvalidDataException(
                $"meta.json has no value for \"{field}\" (missing or null), which every CharRnnLab checkpoint has; " +
                "the file was edited or written by another program", ex);
        }
    }

    /// <summary>The field System.Text.Json found missing (named in its message) or null (its path), if that was the error.</summary>
    private static string? Field(JsonException ex)
    {
        string at = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        if (NullRefused().IsMatch(ex.Message)) return at;
        var missing = MissingProperties().Match(ex.Message);
        return missing.Success ? (at.Length > 0 ? at + "." : "") + missing.Groups[1].Value : null;
    }

    [GeneratedRegex("doesn't allow (?:setting )?null values")]
    private static partial Regex NullRefused();

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingProperties();

    private static void Check(CheckpointMetadata meta)
    {
        if (meta.FormatVersion > CheckpointFile.FormatVersion)
            throw new CheckpointException(
                $"format version {meta.FormatVersion} is newer than this program understands ({CheckpointFile.FormatVersion}). Update CharRnnLab.");
        CheckSymbols(meta.Vocabulary);
        meta.Model.Validate();
        meta.Training.Validate();
    }

    /// <summary>Each entry one Unicode scalar value, none twice (JSON's string[] elements may still be null).</summary>
    private static void CheckSymbols(string?[] vocabulary)
    {
        if (vocabulary.Length == 0) throw new InvalidDataException("meta.json's vocabulary is empty");
        for (int i = 0; i < vocabulary.Length; i++)
        {
            string? symbol = vocabulary[i];
            bool one = symbol is not null && Rune.DecodeFromUtf16(symbol, out _, out int used) == OperationStatus.Done && used == symbol.Length;
            if (!one) throw new InvalidDataException($"meta.json's vocabulary entry {i} is {(symbol is null ? "null" : $"\"{symbol}\"")}, not one symbol");
        }
        if (vocabulary.Distinct(StringComparer.Ordinal).Count() != vocabulary.Length)
            throw new InvalidDataException("the vocabulary has repeated symbols");
    }

    public void Dispose() => _zip.Dispose();
}
