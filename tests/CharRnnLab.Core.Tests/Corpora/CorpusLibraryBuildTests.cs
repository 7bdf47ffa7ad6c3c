using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Building;

namespace CharRnnLab.Core.Tests.Corpora;

/// <summary>Corpora built from archives through the library: from a local server's URL, listed, replaced, refused.</summary>
public sealed class CorpusLibraryBuildTests : IAsyncLifetime
{
    private readonly LocalHttpServer _server = new();
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private CorpusLibrary Library => new(_dir.Path, sourceSearchStart: _dir.Path);
    private readonly byte[] _archive = TestArchives.TarXz(KernelLikeTree.Files);

    public Task InitializeAsync()
    {
        _server.Map("/linux.tar.xz", r => ServerReply.File(_archive, r));
        _server.Map("/broken.tar.xz", _ => new ServerReply(200, _archive, ContentLength: _archive.Length, SendBytes: _archive.Length / 2));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private Task<BuildSummary> BuildAsync(string name, string path, bool replace = false) =>
        Library.BuildAsync(name, _server.Url(path).ToString(), KernelLikeTree.Options, _http, replace: replace);

    [Fact]
    public async Task A_tar_xz_from_a_url_becomes_a_listed_corpus()
    {
        var summary = await BuildAsync("kernel", "/linux.tar.xz");
        KernelLikeTree.AssertSummary(summary);
        string path = Library.EnsureAvailable("kernel");
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(path));
        var listed = Library.Get("kernel");
        Assert.Equal((CorpusKinds.Built, true), (listed.Kind, listed.Available));
        Assert.Contains($"Built from {_server.Url("/linux.tar.xz")}: 4 files", listed.Description);
    }

    [Fact]
    public async Task A_download_that_breaks_off_leaves_no_corpus()
    {
        var ex = await Assert.ThrowsAsync<CorpusException>(() => BuildAsync("kernel", "/broken.tar.xz"));
        Assert.Contains("truncated or damaged", ex.Message);
        Assert.DoesNotContain(Library.List(), c => c.Id == "kernel");
        Assert.Empty(Directory.GetFiles(Library.Built.Directory));
    }

    [Fact]
    public async Task A_missing_url_is_reported_with_the_servers_answer()
    {
        var ex = await Assert.ThrowsAsync<CorpusException>(() => BuildAsync("kernel", "/nope.tar.xz"));
        Assert.Contains("answered 404", ex.Message);
    }

    [Fact]
    public async Task A_built_corpus_is_replaced_only_when_asked_and_other_corpora_names_are_refused()
    {
        await BuildAsync("kernel", "/linux.tar.xz");
        var again = await Assert.ThrowsAsync<CorpusException>(() => BuildAsync("kernel", "/linux.tar.xz"));
        Assert.Contains("already a built corpus 'kernel'", again.Message);
        await BuildAsync("kernel", "/linux.tar.xz", replace: true);

        var taken = await Assert.ThrowsAsync<CorpusException>(() => BuildAsync("tiny-shakespeare", "/linux.tar.xz", replace: true));
        Assert.Contains("taken by the catalog corpus", taken.Message);
        var bad = await Assert.ThrowsAsync<CorpusException>(() => BuildAsync("My Kernel", "/linux.tar.xz"));
        Assert.Contains("lower-case letters", bad.Message);
    }
}
