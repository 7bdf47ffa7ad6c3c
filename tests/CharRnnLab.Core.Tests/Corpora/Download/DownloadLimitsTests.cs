using System.IO.Compression;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Tests.Corpora.Download;

/// <summary>A source that sends more than its catalogue entry promises is stopped at the cap, on the wire and when unzipping.</summary>
public sealed class DownloadLimitsTests : IAsyncLifetime
{
    private const long Promised = 10_000;
    private static readonly byte[] FiveMegabytes = new byte[5 << 20];

    private readonly LocalHttpServer _server = new();
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private CatalogEntry Entry(string path, string? archive = null) =>
        new("sample", "Sample", "test corpus", _server.Url(path), Promised, ExactSize: false, Sha256: null, "test", archive);

    private Task<DownloadResult> FetchAsync(CatalogEntry entry) =>
        new CorpusDownloader(_http, _dir.Path) { StallTimeout = TimeSpan.FromSeconds(20) }.FetchAsync(entry);

    [Fact]
    public void The_cap_is_the_catalogue_size_with_a_margin()
    {
        Assert.Equal(2 * Promised + DownloadLimits.MarginBytes, DownloadLimits.MaxBytes(Entry("/a")));
        Assert.Equal(2 * Promised + DownloadLimits.MarginBytes, DownloadLimits.MaxBytes(Entry("/a", "zip") with { ExactSize = true }));
        Assert.Equal(DownloadLimits.UnknownSizeBytes, DownloadLimits.MaxBytes(Entry("/a") with { ExpectedBytes = null }));
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_cap_is_refused_before_a_byte_is_stored()
    {
        _server.Map("/big.txt", _ => new ServerReply(200, FiveMegabytes));

        var refused = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/big.txt")));

        Assert.StartsWith("The download of sample is larger than 1.1 MB, the most its catalogue size (10.0 kB) allows", refused.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task A_body_with_no_length_that_runs_past_the_cap_is_stopped_there_and_discarded()
    {
        _server.Map("/endless.txt", _ => new ServerReply(200, FiveMegabytes, NoLength: true));
        var entry = Entry("/endless.txt");

        var refused = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(entry));

        Assert.Contains($"larger than {DownloadProgress.FormatBytes(DownloadLimits.MaxBytes(entry))}", refused.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_small_zip_whose_member_inflates_past_the_cap_is_refused_and_leaves_nothing()
    {
        byte[] bomb = Zip("corpus.txt", FiveMegabytes);
        Assert.True(bomb.Length < DownloadLimits.MaxBytes(Entry("/bomb.zip", "zip")), "the archive itself is within the cap");
        _server.Map("/bomb.zip", r => ServerReply.File(bomb, r));

        var refused = await Assert.ThrowsAsync<CorpusException>(() => FetchAsync(Entry("/bomb.zip", "zip")));

        Assert.StartsWith("The unzipped text of sample is larger than", refused.Message);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task A_body_within_the_margin_is_stored()
    {
        var content = new byte[(int)Promised * 2];
        Array.Fill(content, (byte)'a');
        _server.Map("/grown.txt", r => ServerReply.File(content, r));

        var result = await FetchAsync(Entry("/grown.txt"));

        Assert.Equal(content.Length, new FileInfo(result.Path).Length);
    }

    private static byte[] Zip(string name, byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var stream = zip.CreateEntry(name).Open())
            stream.Write(data);
        return buffer.ToArray();
    }
}
