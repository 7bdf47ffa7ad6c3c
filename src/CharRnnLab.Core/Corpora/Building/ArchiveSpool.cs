using SharpCompress.Common;
using SharpCompress.Readers;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>
/// Reads an archive forward, once, as a stream (tar, tar.gz, tar.xz, zip; nothing is held in memory), and
/// copies the members the globs take into one spool file beside the corpus, so that they can be written out
/// in path order afterwards. A member that ends early, or a decoder that fails, means a truncated or damaged
/// archive: a <see cref="CorpusException"/>. The spool file is deleted when this is disposed.
/// </summary>
internal sealed class ArchiveSpool(string spoolPath) : IDisposable
{
    private const int ChunkSize = 1 << 16;
    private readonly FileStream _spool = new(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkSize, FileOptions.DeleteOnClose);
    /// <summary>path → (offset, length) in the spool; a path stored twice (a tar appended to) keeps its last copy.</summary>
    private readonly Dictionary<string, (long Offset, long Length)> _members = new(StringComparer.Ordinal);
    private readonly byte[] _buffer = new byte[ChunkSize];

    public void Fill(Stream archive, string archiveName, MemberFilter filter, CorpusBuildOptions options, BuildTally tally,
        Action<string> onMember, CancellationToken cancellation)
    {
        using (var reader = Open(archive, archiveName))
            while (Guard(reader.MoveToNextEntry, archiveName, null))
                Take(reader, archiveName, filter, options, tally, onMember, cancellation);
        ReadToEnd(archive, archiveName);
    }

    private void Take(IReader reader, string archiveName, MemberFilter filter, CorpusBuildOptions options, BuildTally tally,
        Action<string> onMember, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var entry = reader.Entry;
        if (entry.IsDirectory) return;
        string path = MemberFilter.Normalise(entry.Key ?? "");
        if (!filter.Takes(path)) tally.Unmatched();
        else if (entry.LinkTarget is not null) tally.Skip(SkipReason.NotRegularFile, path);
        else
        {
            onMember(path);
            Copy(reader, entry, path, archiveName, options, cancellation);
        }
    }

    /// <summary>The spooled members in ordinal path order, each readable from the spool.</summary>
    public List<BuildMember> Members()
    {
        _spool.Flush();
        var handle = _spool.SafeFileHandle;
        return _members.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new BuildMember(m.Key, () => new SpoolSlice(handle, m.Value.Offset, m.Value.Length)))
            .ToList();
    }

    private void Copy(IReader reader, IEntry entry, string path, string archiveName, CorpusBuildOptions options, CancellationToken cancellation)
    {
        long offset = _spool.Position, copied = 0;
        var member = Guard(reader.OpenEntryStream, archiveName, path);
        try
        {
            for (int n; (n = Guard(() => member.Read(_buffer), archiveName, path)) > 0;)
            {
                cancellation.ThrowIfCancellationRequested();
                options.EnsureWithinLimit(_spool.Position + n, path);
                _spool.Write(_buffer, 0, n);
                copied += n;
            }
        }
        finally
        {
            // Closing a member reads on to the next header, so it can meet the archive's end too.
            Guard(() => { member.Dispose(); return true; }, archiveName, path);
        }
        // Fewer bytes than the header promised: the archive stops inside this member. (A zip member written
        // with a data descriptor announces 0 and delivers more, which is fine.)
        if (copied < entry.Size)
            throw Damaged(archiveName, path, $"it ends after {copied:N0} of its {entry.Size:N0} bytes", null);
        _members[path] = (offset, copied);
    }

    /// <summary>Reads what follows the last member (an index, padding), so the whole input is seen and a cut-off download noticed.</summary>
    private void ReadToEnd(Stream archive, string archiveName)
    {
        while (Guard(() => archive.Read(_buffer), archiveName, null) > 0) { }
    }

    /// <summary>Recognises the format from the first bytes (the name's extension is not trusted).</summary>
    private static IReader Open(Stream archive, string archiveName)
    {
        try { return ReaderFactory.OpenReader(archive, new ReaderOptions { LeaveStreamOpen = true }); }
        catch (InvalidFormatException ex)
        {
            throw new CorpusException(
                $"{archiveName} is not an archive that CharRnnLab reads ({ex.Message}). Give a .tar, .tar.gz, .tar.xz or .zip file, or a folder.", ex);
        }
    }

    /// <summary>Runs a read of the archive; what the decoders throw becomes one clear error.</summary>
    private static T Guard<T>(Func<T> read, string archiveName, string? path)
    {
        try { return read(); }
        catch (Exception ex) when (ex is not (CorpusException or OperationCanceledException or OutOfMemoryException))
        {
            throw Damaged(archiveName, path, ex.Message, ex);
        }
    }

    private static CorpusException Damaged(string archiveName, string? path, string what, Exception? inner) => new(
        $"{archiveName} is truncated or damaged{(path is null ? "" : $" at {path}")}: {what}. " +
        "No corpus was written; download the archive again (or check the file) and retry.", inner);

    public void Dispose() => _spool.Dispose();
}
