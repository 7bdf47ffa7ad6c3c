using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CharRnnLab.Core.Corpora.Building;

namespace CharRnnLab.Core.Corpora.Download;

/// <summary>
/// Downloads catalogue corpora into a folder: streamed (headers first, then the body in chunks)
/// with progress, resumed with an HTTP Range request when a .partial file is left from a broken
/// transfer (a server that ignores Range and answers 200 is handled by starting over), checked
/// against a pinned or first-use SHA-256, unzipped where needed, and only then moved into place.
/// </summary>
public sealed class CorpusDownloader(HttpClient http, string directory)
{
    private const int BufferSize = 81920;
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Partial files being written in this process: a second fetch of the same corpus is refused.</summary>
    private static readonly ConcurrentDictionary<string, bool> ActiveDownloads = new(StringComparer.Ordinal);

    /// <summary>A transfer that delivers no byte for this long is abandoned (it can be resumed).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    private readonly ChecksumStore _checksums = new(Path.Combine(directory, "checksums.json"));

    /// <summary>Where <paramref name="entry"/>'s text is stored once fetched.</summary>
    public string PathOf(CatalogEntry entry) => Path.Combine(directory, entry.FileName);

    public RecordedChecksum? RecordedChecksumOf(string name) => _checksums.Find(name);

    /// <summary>Forgets the first-use checksum of <paramref name="name"/> (a source that changed on purpose).</summary>
    public bool ForgetRecordedChecksum(string name) => _checksums.Forget(name);

    /// <summary>
    /// Fetches <paramref name="entry"/> unless it is already stored (or <paramref name="force"/>).
    /// Errors are <see cref="CorpusException"/>s that say what happened and what to do; a broken
    /// transfer keeps its .partial file so the next call resumes it.
    /// </summary>
    public async Task<DownloadResult> FetchAsync(CatalogEntry entry, IProgress<DownloadProgress>? progress = null,
        bool force = false, CancellationToken cancellation = default)
    {
        string target = PathOf(entry);
        if (File.Exists(target) && !force)
            return new DownloadResult(entry.Name, target, new FileInfo(target).Length, null, null, Resumed: false, AlreadyPresent: true);
        System.IO.Directory.CreateDirectory(directory);
        string partial = Path.GetFullPath(Path.Combine(directory, entry.Name + ".partial"));
        if (!ActiveDownloads.TryAdd(partial, true))
            throw new CorpusException($"{entry.Name} is already being downloaded. Wait for that download to finish.");
        try
        {
            bool resumed = await TransferAsync(entry, partial, progress, cancellation);
            string sha = await Sha256Async(partial, cancellation);
            var check = Verify(entry, partial, sha);
            long downloadedBytes = new FileInfo(partial).Length;
            await Task.Run(() => Store(entry, partial, target), CancellationToken.None); // building from an archive takes a while
            if (check == ChecksumCheck.TrustOnFirstUseRecorded)
                _checksums.Record(entry.Name, new RecordedChecksum(sha, downloadedBytes, entry.Url.ToString(), DateTimeOffset.UtcNow));
            return new DownloadResult(entry.Name, target, new FileInfo(target).Length, sha, check, resumed, AlreadyPresent: false);
        }
        finally
        {
            ActiveDownloads.TryRemove(partial, out _);
        }
    }

    /// <summary>Fills <paramref name="partial"/> with the whole body; true if an earlier part was reused.</summary>
    private async Task<bool> TransferAsync(CatalogEntry entry, string partial, IProgress<DownloadProgress>? progress, CancellationToken cancellation)
    {
        long offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var response = await SendAsync(entry, offset, cancellation);
        bool partialAnswer = response.StatusCode == HttpStatusCode.PartialContent;
        if (offset > 0 && (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable
                           || (partialAnswer && response.Content.Headers.ContentRange?.From != offset)))
        {
            // The server cannot continue our partial file (it may be complete or stale): start over.
            File.Delete(partial);
            return await TransferAsync(entry, partial, progress, cancellation);
        }
        EnsureSuccess(entry, response);
        bool resumed = offset > 0 && partialAnswer;
        if (!resumed) offset = 0; // 200: Range ignored (or not asked), the body is the whole file.
        long? total = response.Content.Headers.ContentLength is { } length ? offset + length : null;
        await using var file = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        await using var body = await response.Content.ReadAsStreamAsync(cancellation);
        await CopyAsync(entry, body, file, offset, total, progress, cancellation);
        return resumed;
    }

    private async Task<HttpResponseMessage> SendAsync(CatalogEntry entry, long offset, CancellationToken cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, entry.Url);
        if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            string reason = ex is TaskCanceledException ? "no answer in time" : Innermost(ex).Message;
            throw new CorpusException(
                $"Could not reach {entry.Url.Host}: {reason}. Check your network connection and try again; " +
                "the lab still works on bundled corpora (charrnn corpora list).", ex);
        }
    }

    private static void EnsureSuccess(CatalogEntry entry, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        throw new CorpusException(
            $"{entry.Url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase} for {entry.Url}. " +
            "The source may have moved; check the URL in corpora/catalog.json, or try again later.");
    }

    private async Task CopyAsync(CatalogEntry entry, Stream body, FileStream file, long offset, long? total,
        IProgress<DownloadProgress>? progress, CancellationToken cancellation)
    {
        var buffer = new byte[BufferSize];
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        long received = offset;
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            while (true)
            {
                stall.CancelAfter(StallTimeout);
                int n = await body.ReadAsync(buffer, stall.Token);
                if (n == 0) break;
                await file.WriteAsync(buffer.AsMemory(0, n), cancellation);
                received += n;
                if (clock.Elapsed - lastReport >= ReportEvery) { lastReport = clock.Elapsed; Report(entry, progress, received, offset, total, clock.Elapsed); }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            await file.FlushAsync(CancellationToken.None);
            string why = ex is OperationCanceledException ? $"no data for {StallTimeout.TotalSeconds:0.#} s" : Innermost(ex).Message;
            throw new CorpusException(
                $"The download of {entry.Name} from {entry.Url.Host} broke off after {DownloadProgress.FormatBytes(received)} ({why}). " +
                "Run the same command again to resume it.", ex);
        }
        Report(entry, progress, received, offset, total, clock.Elapsed);
        if (total is { } expected && received != expected)
            throw new CorpusException($"The download of {entry.Name} ended at {received} bytes instead of {expected}. Run the same command again to resume it.");
    }

    private static void Report(CatalogEntry entry, IProgress<DownloadProgress>? progress, long received, long offset, long? total, TimeSpan elapsed)
    {
        if (progress is null) return;
        double rate = elapsed.TotalSeconds > 0 ? (received - offset) / elapsed.TotalSeconds : 0;
        TimeSpan? eta = total is { } t && rate > 0 ? TimeSpan.FromSeconds((t - received) / rate) : null;
        progress.Report(new DownloadProgress(entry.Name, received, total, rate, eta));
    }

    /// <summary>Compares the download with the pinned or first-use checksum; a mismatch discards it.</summary>
    private ChecksumCheck Verify(CatalogEntry entry, string partial, string sha)
    {
        var recorded = entry.Sha256 is null ? _checksums.Find(entry.Name) : null;
        string? expected = entry.Sha256 ?? recorded?.Sha256;
        if (expected is not null && expected != sha)
        {
            File.Delete(partial);
            string whose = entry.Sha256 is not null
                ? "the checksum pinned in the catalogue"
                : $"the checksum recorded at its first download on {recorded!.Recorded:yyyy-MM-dd} (trust on first use)";
            throw new CorpusException(
                $"Checksum mismatch for {entry.Name}: the download's SHA-256 is {sha}, but {whose} is {expected}. " +
                "The downloaded file was discarded. Try again later; if the source changed on purpose, fetch with --retrust.");
        }
        return entry.Sha256 is not null ? ChecksumCheck.Pinned
            : recorded is not null ? ChecksumCheck.TrustOnFirstUseVerified
            : ChecksumCheck.TrustOnFirstUseRecorded;
    }

    /// <summary>Moves, unzips or builds from (an archive of many files) the verified download to <paramref name="target"/>, replacing any older copy.</summary>
    private static void Store(CatalogEntry entry, string partial, string target)
    {
        try
        {
            if (entry.Build is { } build) new CorpusBuilder(build).FromPath(partial, target + ".tmp");
            else if (entry.Archive == "zip") ZipExtraction.ExtractTo(entry, partial, target + ".tmp");
            else File.Move(partial, target + ".tmp", overwrite: true);
            CheckExactSize(entry, target + ".tmp");
            File.Move(target + ".tmp", target, overwrite: true);
        }
        finally
        {
            File.Delete(target + ".tmp");
            File.Delete(partial);
        }
    }

    private static void CheckExactSize(CatalogEntry entry, string path)
    {
        long size = new FileInfo(path).Length;
        if (entry.ExactSize && entry.ExpectedBytes is { } expected && size != expected)
            throw new CorpusException($"{entry.Name} should be {expected} bytes but the download gave {size}. The file was discarded; try again later.");
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}
