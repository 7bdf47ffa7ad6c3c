using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Tests.Corpora.Download;

public sealed class DownloaderTests : IAsyncLifetime
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 4000).Select(i => $"line {i}: to be or not to be\n")));
    private static readonly string ContentSha = Convert.ToHexStringLower(SHA256.HashData(Content));

    private readonly LocalHttpServer _server = new();
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly List<DownloadProgress> _progress = [];
    /// <summary>Stall timeouts: generous for transfers that should succeed (a busy CI machine can pause a
    /// test for a second), short for the tests of a server that stops sending.</summary>
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20), Impatient = TimeSpan.FromMilliseconds(500);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private CatalogEntry Entry(string path, string? sha256 = null, string? archive = null, string? member = null, long? exactBytes = null) =>
        new("sample", "Sample", "test corpus", _server.Url(path), exactBytes ?? Content.Length, exactBytes is not null, sha256, "test", archive, member);

    private CorpusDownloader Downloader => new(_http, _dir.Path) { StallTimeout = Patient };

    private Task<DownloadResult> FetchAsync(CatalogEntry entry, bool force = false, bool expectStall = false) =>
        (expectStall ? new CorpusDownloader(_http, _dir.Path) { StallTimeout = Impatient } : Downloader)
            .FetchAsync(entry, new SynchronousProgress(_progress.Add), force);

    private string[] FilesLeft() => Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public async Task Good_file_with_pinned_checksum_is_stored_with_progress()
    {
        _server.Map("/good.txt", r => ServerReply.File(Content, r));
        var result = await FetchAsync(Entry("/good.txt", ContentSha));
        Assert.Equal(ChecksumCheck.Pinned, result.Check);
        Assert.Equal(Content, File.ReadAllBytes(result.Path));
        Assert.Equal((ContentSha, false, false), (result.Sha256, result.Resumed, result.AlreadyPresent));
        Assert.Equal(["sample.txt"], FilesLeft());
        var last = _progress[^1];
        Assert.Equal((Content.Length, (long?)Content.Length), (last.BytesReceived, last.TotalBytes));
        Assert.Contains("sample: ", last.ToString());
    }

    [Fact]
    public async Task Without_a_pinned_checksum_the_first_download_is_recorded_and_later_ones_verified()
    {
        var served = Content;
        _server.Map("/tofu.txt", r => ServerReply.File(served, r));
        var entry = Entry("/tofu.txt");

        var first = await FetchAsync(entry);
        Assert.Equal(ChecksumCheck.TrustOnFirstUseRecorded, first.Check);
        Assert.Equal(ContentSha, Downloader.RecordedChecksumOf("sample")!.Sha256);

        var again = await FetchAsync(entry, force: true);
        Assert.Equal(ChecksumCheck.TrustOnFirstUseVerified, again.Check);

        served = Encoding.UTF8.GetBytes("something else entirely");
        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(entry, force: true));
        Assert.Contains("Checksum mismatch", ex.Message);
        Assert.Contains("trust on first use", ex.Message);
        Assert.Equal(Content, File.ReadAllBytes(first.Path));      // the good copy stays
        Assert.Equal(["checksums.json", "sample.txt"], FilesLeft());

        Assert.True(Downloader.ForgetRecordedChecksum("sample"));
        Assert.Equal(ChecksumCheck.TrustOnFirstUseRecorded, (await FetchAsync(entry, force: true)).Check);
    }

    [Fact]
    public async Task Wrong_checksum_discards_the_download_with_a_clear_error()
    {
        _server.Map("/good.txt", r => ServerReply.File(Content, r));
        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/good.txt", new string('0', 64))));
        Assert.Contains($"Checksum mismatch for sample: the download's SHA-256 is {ContentSha}", ex.Message);
        Assert.Contains("discarded", ex.Message);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task Truncated_transfer_keeps_the_partial_file_and_the_next_fetch_resumes_it()
    {
        int attempt = 0;
        _server.Map("/flaky.txt", r => ++attempt == 1
            ? new ServerReply(200, Content, ContentLength: Content.Length, SendBytes: 30_000)
            : ServerReply.File(Content, r));
        var entry = Entry("/flaky.txt", ContentSha);

        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(entry));
        Assert.Contains("broke off", ex.Message);
        Assert.Contains("again to resume", ex.Message);
        Assert.Equal(30_000, new FileInfo(Path.Combine(_dir.Path, "sample.partial")).Length);

        var result = await FetchAsync(entry);
        Assert.True(result.Resumed);
        Assert.Equal(ChecksumCheck.Pinned, result.Check);
        Assert.Equal(Content, File.ReadAllBytes(result.Path));
        Assert.Equal(30_000L, _server.Requests.Last().RangeFrom);
        Assert.Equal(["sample.txt"], FilesLeft());
    }

    [Fact]
    public async Task A_server_that_ignores_range_sends_the_whole_file_which_replaces_the_partial_one()
    {
        File.WriteAllBytes(Path.Combine(_dir.Path, "sample.partial"), Encoding.UTF8.GetBytes("stale bytes from a broken transfer"));
        _server.Map("/norange.txt", r => ServerReply.File(Content, r, honourRange: false));
        var result = await FetchAsync(Entry("/norange.txt", ContentSha));
        Assert.False(result.Resumed);
        Assert.Equal(Content, File.ReadAllBytes(result.Path));
        Assert.NotNull(_server.Requests.Single().RangeFrom);  // we did ask
    }

    [Fact]
    public async Task A_partial_file_the_server_cannot_continue_is_downloaded_again()
    {
        File.WriteAllBytes(Path.Combine(_dir.Path, "sample.partial"), new byte[Content.Length + 10]);
        _server.Map("/good.txt", r => ServerReply.File(Content, r));
        var result = await FetchAsync(Entry("/good.txt", ContentSha));
        Assert.Equal(Content, File.ReadAllBytes(result.Path));
        Assert.Equal([(long?)Content.Length + 10, null], _server.Requests.Select(r => r.RangeFrom));  // 416, then from scratch
    }

    [Fact]
    public async Task Not_found_is_reported_with_the_status_and_leaves_nothing()
    {
        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/missing.txt")));
        Assert.Contains("answered 404 Not Found", ex.Message);
        Assert.Contains("/missing.txt", ex.Message);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task Zip_archives_are_unpacked_to_the_chosen_member()
    {
        byte[] zip = Zip(("README", Encoding.UTF8.GetBytes("not this")), ("data/corpus.txt", Content));
        _server.Map("/corpus.zip", r => ServerReply.File(zip, r));
        var result = await FetchAsync(Entry("/corpus.zip", archive: "zip", member: "corpus.txt", exactBytes: Content.Length));
        Assert.Equal(Content, File.ReadAllBytes(result.Path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip)), result.Sha256);   // the archive is what is checked
        Assert.Equal(["checksums.json", "sample.txt"], FilesLeft());

        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/corpus.zip", archive: "zip", member: "other.txt"), force: true));
        Assert.Contains("no member 'other.txt'", ex.Message);
        Assert.Contains("data/corpus.txt", ex.Message);
    }

    [Fact]
    public async Task Exact_size_mismatch_discards_the_file()
    {
        _server.Map("/good.txt", r => ServerReply.File(Content, r));
        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/good.txt", exactBytes: 12345)));
        Assert.Contains("should be 12345 bytes", ex.Message);
        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task A_stalled_transfer_is_abandoned_and_can_be_resumed()
    {
        _server.Map("/stall.txt", _ => new ServerReply(200, Content, ContentLength: Content.Length, SendBytes: 1000, Hang: true));
        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/stall.txt"), expectStall: true));
        Assert.Contains("no data for", ex.Message);
        Assert.Equal(1000, new FileInfo(Path.Combine(_dir.Path, "sample.partial")).Length);
    }

    [Fact]
    public async Task A_second_fetch_of_a_corpus_being_downloaded_is_refused()
    {
        _server.Map("/stall.txt", _ => new ServerReply(200, Content, ContentLength: Content.Length, SendBytes: 1000, Hang: true));
        var first = FetchAsync(Entry("/stall.txt"), expectStall: true);
        await Poll.UntilAsync(() => !_server.Requests.IsEmpty, "the server to see the request", intervalMs: 10);
        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/stall.txt")));
        Assert.Contains("already being downloaded", ex.Message);
        await Assert.ThrowsAsync<CorpusException>(() => first);   // the stalled one gives up by itself
    }

    [Fact]
    public async Task An_unreachable_host_says_so_and_points_to_bundled_corpora()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        int port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var entry = new CatalogEntry("sample", "S", "d", new Uri($"http://127.0.0.1:{port}/x.txt"), null, false, null, "l");
        var ex = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(entry));
        Assert.StartsWith("Could not reach 127.0.0.1:", ex.Message);
        Assert.Contains("the lab still works on bundled corpora", ex.Message);
    }

    [Fact]
    public async Task An_already_stored_corpus_is_not_downloaded_again()
    {
        _server.Map("/good.txt", r => ServerReply.File(Content, r));
        await FetchAsync(Entry("/good.txt", ContentSha));
        var again = await FetchAsync(Entry("/good.txt", ContentSha));
        Assert.True(again.AlreadyPresent);
        Assert.Null(again.Check);
        Assert.Single(_server.Requests);
    }

    private static byte[] Zip(params (string Name, byte[] Data)[] members)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in members)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(data);
            }
        return buffer.ToArray();
    }

    /// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
