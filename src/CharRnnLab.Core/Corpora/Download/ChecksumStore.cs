using System.Text.Json;

namespace CharRnnLab.Core.Corpora.Download;

/// <summary>How a downloaded file's SHA-256 was checked.</summary>
public enum ChecksumCheck
{
    /// <summary>Matched the checksum pinned in the catalogue.</summary>
    Pinned,
    /// <summary>No pinned checksum and no earlier download: this one's SHA-256 was recorded for next time.</summary>
    TrustOnFirstUseRecorded,
    /// <summary>No pinned checksum: matched the SHA-256 recorded at the first download.</summary>
    TrustOnFirstUseVerified,
}

/// <summary>The SHA-256 and size of a corpus's first download (the archive, for zipped corpora): trust on first use.</summary>
public sealed record RecordedChecksum(string Sha256, long Bytes, string Url, DateTimeOffset Recorded);

/// <summary>
/// Trust-on-first-use checksums, kept in checksums.json in the downloads folder so every later
/// download of a corpus without a pinned checksum is compared with the first one.
/// </summary>
internal sealed class ChecksumStore(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public RecordedChecksum? Find(string name) => Read().GetValueOrDefault(name);

    /// <summary>Serialises read-modify-write of the file: downloads of different corpora may finish together.</summary>
    private static readonly Lock FileLock = new();

    public void Record(string name, RecordedChecksum checksum)
    {
        lock (FileLock)
        {
            var all = Read();
            all[name] = checksum;
            Write(all);
        }
    }

    /// <summary>Forgets a recorded checksum; the next download is trusted anew.</summary>
    public bool Forget(string name)
    {
        lock (FileLock)
        {
            var all = Read();
            if (!all.Remove(name)) return false;
            Write(all);
            return true;
        }
    }

    private Dictionary<string, RecordedChecksum> Read()
    {
        if (!File.Exists(path)) return new(StringComparer.Ordinal);
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, RecordedChecksum>>(File.ReadAllText(path), Json)
                ?? new(StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new CorpusException($"The recorded checksums in {path} are damaged ({ex.Message}). Delete the file; the next download of each corpus is then trusted anew.", ex);
        }
    }

    private void Write(Dictionary<string, RecordedChecksum> all)
    {
        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(all, Json));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // only still there if the write or the move failed
        }
    }
}
