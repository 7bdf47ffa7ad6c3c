using System.IO.Compression;
using System.Text.Json;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>Everything one checkpoint holds, as read or about to be written.</summary>
internal sealed record CheckpointContent(CheckpointMetadata Metadata, ModelWeights Weights, byte[] OptimizerState, ResumeState Resume);

/// <summary>
/// A checkpoint is one file, <see cref="FileName"/>: a zip of meta.json (config, vocabulary,
/// samples), history.bin (loss curve), model.bin (weights as CPU float32), optimizer.bin
/// (TorchSharp optimizer state) and state.bin (loader position, hidden state, RNG).
/// It is written to a temporary file and renamed over the old one, so a crash mid-write never
/// leaves a half-written checkpoint. Any unreadable file raises a <see cref="CheckpointException"/>.
/// </summary>
public static class CheckpointFile
{
    public const string FileName = "checkpoint.crnn";
    public const int FormatVersion = 1;
    internal const string MetaEntry = "meta.json", HistoryEntry = "history.bin", ModelEntry = "model.bin",
        OptimizerEntry = "optimizer.bin", StateEntry = "state.bin";

    /// <summary>The checkpoint file for a run directory, or the path itself when it names a file
    /// (an existing file, or a name ending in .crnn).</summary>
    public static string PathFor(string dirOrFile) =>
        !Directory.Exists(dirOrFile) && (File.Exists(dirOrFile) || dirOrFile.EndsWith(".crnn", StringComparison.OrdinalIgnoreCase))
            ? Path.GetFullPath(dirOrFile)
            : Path.GetFullPath(Path.Combine(dirOrFile, FileName));

    public static bool Exists(string dirOrFile) => File.Exists(PathFor(dirOrFile));

    public static CheckpointMetadata ReadMetadata(string dirOrFile)
    {
        string path = ExistingPath(dirOrFile);
        return Guard(path, () =>
        {
            using var reader = new CheckpointReader(path);
            return reader.Metadata();
        });
    }

    /// <summary>The trained weights, ready for a <see cref="Sampling.Sampler"/>.</summary>
    public static ModelWeights LoadWeights(string dirOrFile)
    {
        string path = ExistingPath(dirOrFile);
        return Guard(path, () =>
        {
            using var reader = new CheckpointReader(path);
            return reader.Weights(reader.Metadata());
        });
    }

    /// <summary>
    /// Checks that a file is a whole checkpoint this program can use (metadata, loss history, weights
    /// of the shapes the metadata promises, optimizer state and resume state, all that a resumed run
    /// reads) and returns its metadata, without building a model or touching libtorch. The file's name
    /// does not matter; errors name it as <paramref name="shownAs"/>.
    /// </summary>
    /// <param name="path">The file to check, e.g. an upload saved under a temporary name.</param>
    /// <param name="shownAs">How error messages name the file, e.g. the name it was uploaded as.</param>
    public static CheckpointMetadata Verify(string path, string shownAs)
    {
        if (!File.Exists(path)) throw new CheckpointException($"No checkpoint found: {shownAs} does not exist.");
        return ReadWhole(path, shownAs).Metadata;
    }

    internal static CheckpointContent Read(string dirOrFile)
    {
        string path = ExistingPath(dirOrFile);
        return ReadWhole(path, path);
    }

    private static CheckpointContent ReadWhole(string path, string shownAs) => Guard(shownAs, () =>
    {
        using var reader = new CheckpointReader(path);
        var metadata = reader.Metadata();
        return new CheckpointContent(metadata, reader.Weights(metadata), reader.OptimizerState(metadata), reader.Resume(metadata));
    });

    /// <summary>Writes atomically into <paramref name="directory"/>; returns the file's path.</summary>
    internal static string Write(string directory, CheckpointContent content)
    {
        if (!WeightsFormat.AllFinite(content.Weights))
            throw new DivergenceException(
                $"Refusing to save a checkpoint at iteration {content.Metadata.Iteration}: the weights contain NaN or infinity. " +
                "The last good checkpoint is kept.");
        string final = Path.GetFullPath(Path.Combine(directory, FileName));
        string temp = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true)) WriteEntries(zip, content);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, final, overwrite: true);
            return final;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(
                $"Cannot write the checkpoint {final}: {ex.Message} Free some disk space or choose another directory; " +
                "the previous checkpoint, if any, is unchanged.", ex);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static void WriteEntries(ZipArchive zip, CheckpointContent content)
    {
        var meta = content.Metadata with { History = [] };
        Add(zip, MetaEntry, CompressionLevel.Optimal, s => JsonSerializer.Serialize(s, meta, CheckpointJson.Options));
        Add(zip, HistoryEntry, CompressionLevel.Fastest, s => HistoryFormat.Write(new BinaryWriter(s), content.Metadata.History));
        Add(zip, ModelEntry, CompressionLevel.NoCompression, s => WeightsFormat.Write(new BinaryWriter(s), content.Weights));
        Add(zip, OptimizerEntry, CompressionLevel.NoCompression, s => s.Write(content.OptimizerState));
        Add(zip, StateEntry, CompressionLevel.Fastest, s => content.Resume.Write(new BinaryWriter(s)));
    }

    private static void Add(ZipArchive zip, string name, CompressionLevel level, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        write(stream);
        stream.Flush();
    }

    private static string ExistingPath(string dirOrFile)
    {
        string path = PathFor(dirOrFile);
        if (File.Exists(path)) return path;
        string where = Directory.Exists(dirOrFile) ? $"The directory {Path.GetFullPath(dirOrFile)} has no {FileName}" : $"{path} does not exist";
        throw new CheckpointException($"No checkpoint found: {where}. Train one first (charrnn train --out DIR) or check the path.");
    }

    /// <summary>Turns any failure to parse into a message naming the file.</summary>
    private static T Guard<T>(string path, Func<T> read)
    {
        try { return read(); }
        catch (CheckpointException ex) { throw new CheckpointException($"{path}: {ex.Message}", ex); }
        catch (ConfigException ex) { throw Corrupt(path, ex.Message, ex); }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or EndOfStreamException or IOException
                                       or ArgumentException or NotSupportedException or FormatException or UnauthorizedAccessException)
        {
            throw Corrupt(path, ex.Message, ex);
        }
    }

    private static CheckpointException Corrupt(string path, string detail, Exception inner) =>
        new($"{path} is not a readable CharRnnLab checkpoint ({detail}). The file is corrupt, truncated or of another kind; " +
            "use another checkpoint or train again.", inner);
}
