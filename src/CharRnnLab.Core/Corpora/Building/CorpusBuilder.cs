using System.Diagnostics;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>
/// Builds one corpus text from many files: a folder, an archive (.tar, .tar.gz/.tgz, .tar.xz/.txz, .zip; the
/// format is recognised from its bytes) or an archive at an http(s) URL. The files the globs take come in
/// ordinal path order, each behind its separator line; files that are not UTF-8 text are skipped and counted.
/// Streaming end to end: an archive is read once, forward (the files taken are spooled to disk to be put in
/// order), and the corpus is written to a temporary file renamed to <c>target</c> only when complete, so a
/// failed or interrupted build leaves nothing behind. Every refusal is a <see cref="CorpusException"/>.
/// </summary>
public sealed class CorpusBuilder(CorpusBuildOptions options)
{
    private const int BufferSize = 1 << 16;
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);
    private readonly MemberFilter _filter = new(options);

    /// <summary>Builds from a folder (its files, recursively) or an archive file.</summary>
    public BuildSummary FromPath(string path, string target, IProgress<BuildProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (Directory.Exists(path)) return FromFolder(path, target, progress, cancellation);
        if (!File.Exists(path))
            throw new CorpusException($"There is no file or folder {Path.GetFullPath(path)}. Give a folder, an archive (.tar, .tar.gz, .tar.xz, .zip) or an http(s) URL.");
        using var archive = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        return FromArchive(archive, Path.GetFileName(path), archive.Length, target, progress, cancellation);
    }

    public BuildSummary FromFolder(string folder, string target, IProgress<BuildProgress>? progress = null, CancellationToken cancellation = default)
    {
        var report = new Reporter(progress);
        return Atomically(target, (output, tally) =>
            WriteInOrder(FolderMembers.List(folder, _filter, tally), new CorpusWriter(output, options, tally), tally, report, cancellation));
    }

    /// <summary>Builds from an archive read forward from <paramref name="archive"/>; <paramref name="archiveBytes"/>, when known, sizes the progress.</summary>
    public BuildSummary FromArchive(Stream archive, string archiveName, long? archiveBytes, string target,
        IProgress<BuildProgress>? progress = null, CancellationToken cancellation = default)
    {
        var report = new Reporter(progress);
        return Atomically(target, (output, tally) =>
        {
            using var spool = new ArchiveSpool(SiblingPath(target, "spool"));
            string? current = null;
            using var counted = new CountingStream(archive, read => report.Send(new BuildProgress(BuildStage.Reading, read, archiveBytes, 0, current)));
            spool.Fill(counted, archiveName, _filter, options, tally, path => current = path, cancellation);
            report.Send(new BuildProgress(BuildStage.Reading, counted.Position, archiveBytes ?? counted.Position, 0, null), force: true);
            WriteInOrder(spool.Members(), new CorpusWriter(output, options, tally), tally, report, cancellation);
        });
    }

    /// <summary>Builds from an archive downloaded from <paramref name="url"/> as it arrives (never stored whole).</summary>
    public async Task<BuildSummary> FromUrlAsync(HttpClient http, Uri url, string target,
        IProgress<BuildProgress>? progress = null, CancellationToken cancellation = default)
    {
        using var response = await ArchiveDownload.GetAsync(http, url, cancellation);
        await using var body = await response.Content.ReadAsStreamAsync(cancellation);
        long? length = response.Content.Headers.ContentLength;
        // The archive readers read synchronously, and a blocked read does not watch the token: closing the body ends it.
        using var abort = cancellation.Register(body.Dispose);
        try
        {
            return await Task.Run(() => FromArchive(body, url.ToString(), length, target, progress, cancellation), cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The build from {url} was cancelled.", ex, cancellation);
        }
    }

    private static void WriteInOrder(List<BuildMember> members, CorpusWriter writer, BuildTally tally, Reporter report, CancellationToken cancellation)
    {
        for (int i = 0; i < members.Count; i++)
        {
            report.Send(new BuildProgress(BuildStage.Writing, i, members.Count, tally.FilesTaken, members[i].Path));
            using var content = OpenMember(members[i]);
            writer.Append(members[i].Path, content, cancellation);
        }
        report.Send(new BuildProgress(BuildStage.Writing, members.Count, members.Count, tally.FilesTaken, null), force: true);
    }

    private static Stream OpenMember(BuildMember member)
    {
        try { return member.Open(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusException($"Cannot read {member.Path}: {ex.Message}. Check its permissions, or exclude it with a glob.", ex);
        }
    }

    /// <summary>Writes the corpus to a temporary file beside <paramref name="target"/> and renames it only when it is complete.</summary>
    private BuildSummary Atomically(string target, Action<FileStream, BuildTally> build)
    {
        options.Validate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        string temp = SiblingPath(target, "building");
        try
        {
            var tally = new BuildTally();
            long bytes;
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize))
            {
                build(output, tally);
                bytes = output.Length;
                output.Flush(flushToDisk: true);
            }
            var summary = tally.ToSummary(bytes);
            if (summary.FilesTaken == 0)
                throw new CorpusException($"No file went into the corpus ({summary}). Check the include and exclude globs.");
            File.Move(temp, target, overwrite: true);
            return summary;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A hidden scratch file in the target's folder (same disk, so the final rename is atomic).</summary>
    /// <summary>A hidden working file beside the corpus; named *.tmp, so one that a crash leaves is known as a leftover (the lab removes them at start).</summary>
    private static string SiblingPath(string target, string purpose) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.{purpose}.tmp");

    /// <summary>Passes on progress a few times a second, and always when forced (the end of a stage).</summary>
    private sealed class Reporter(IProgress<BuildProgress>? progress)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = -ReportEvery;

        public void Send(BuildProgress value, bool force = false)
        {
            if (progress is null || (!force && _clock.Elapsed - _last < ReportEvery)) return;
            _last = _clock.Elapsed;
            progress.Report(value);
        }
    }
}
