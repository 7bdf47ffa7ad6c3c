using System.Text;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Tests.Corpora.Download;

/// <summary>
/// Catalogue entries that are archives of many files, served by a 127.0.0.1 server through a $CHARRNN_CATALOG
/// file: fetched, checked and built into the corpus (a tar.xz of C files, a zip of .tex files).
/// </summary>
public sealed class ArchiveCatalogTests : IAsyncLifetime
{
    private static readonly (string, byte[])[] TexFiles =
    [
        ("stacks-project-aca856f/sets.tex", "\\section{Sets}\n"u8.ToArray()),
        ("stacks-project-aca856f/algebra.tex", "\\section{Algebra}\n"u8.ToArray()),
        ("stacks-project-aca856f/Makefile", "all:\n"u8.ToArray()),
    ];

    private readonly LocalHttpServer _server = new();
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private CorpusLibrary _library = null!;

    public Task InitializeAsync()
    {
        _server.Map("/linux.tar.xz", r => ServerReply.File(TestArchives.TarXz(KernelLikeTree.Files), r));
        _server.Map("/stacks.zip", r => ServerReply.File(TestArchives.Zip(TexFiles), r));
        string catalog = _dir.File("catalog.json", $$$"""
            {"corpora": [
              {"name": "linux-kernel", "title": "Linux", "description": "d", "licence": "GPL-2.0", "url": "{{{_server.Url("/linux.tar.xz")}}}",
               "build": {"include": ["**/*.c", "**/*.h", "!**/Documentation/**"], "separator": "{{{KernelLikeTree.Separator}}}"}},
              {"name": "stacks-project", "title": "Stacks", "description": "d", "licence": "GFDL", "url": "{{{_server.Url("/stacks.zip")}}}",
               "build": {"include": ["**/*.tex"], "separator": "% {path}"}}
            ]}
            """);
        var environment = new Dictionary<string, string> { [CorpusCatalog.OverrideVariable] = catalog };
        _library = new CorpusLibrary(Path.Combine(_dir.Path, "data"), CorpusCatalog.Configured(null, environment.GetValueOrDefault));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_tar_xz_of_c_files_is_fetched_and_built_into_the_corpus()
    {
        var result = await _library.FetchAsync("linux-kernel", _http);
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(result.Path));
        Assert.Equal(ChecksumCheck.TrustOnFirstUseRecorded, result.Check);
        Assert.Equal(Encoding.UTF8.GetByteCount(KernelLikeTree.Expected), _library.Get("linux-kernel").SizeBytes);
        Assert.Equal(["checksums.json", "linux-kernel.txt"], Directory.GetFiles(_library.DownloadsDirectory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_zip_of_tex_files_is_fetched_and_built_into_the_corpus()
    {
        var result = await _library.FetchAsync("stacks-project", _http);
        Assert.Equal("% stacks-project-aca856f/algebra.tex\n\\section{Algebra}\n% stacks-project-aca856f/sets.tex\n\\section{Sets}\n",
            File.ReadAllText(result.Path));
    }
}
