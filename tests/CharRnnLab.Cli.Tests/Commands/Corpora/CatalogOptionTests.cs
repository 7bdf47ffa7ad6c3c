namespace CharRnnLab.Cli.Tests.Commands.Corpora;

/// <summary>charrnn corpora … --catalog FILE: a mirror's entries, here an archive of C files on 127.0.0.1, listed and fetched.</summary>
public sealed class CatalogOptionTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private string Data => Path.Combine(_dir.Path, "data");
    private string _catalog = "";

    public Task InitializeAsync()
    {
        _server.Map("/linux.tar.xz", r => ServerReply.File(TestArchives.TarXz(KernelLikeTree.Files), r));
        _catalog = _dir.File("mirror.json", $$$"""
            {"corpora": [{"name": "linux-kernel", "title": "Linux from the mirror", "description": "d", "licence": "GPL-2.0",
              "url": "{{{_server.Url("/linux.tar.xz")}}}", "post": "474 MB of C.",
              "build": {"include": ["**/*.c", "**/*.h"], "exclude": ["**/Documentation/**"], "separator": "{{{KernelLikeTree.Separator}}}"}}]}
            """);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private Task<CliResult> Corpora(params string[] args) => CliRunner.Run(["corpora", .. args, "--data-dir", Data, "--catalog", _catalog]);

    [Fact]
    public async Task The_mirrors_entry_replaces_the_shipped_one_and_is_built_when_fetched()
    {
        var list = await Corpora("list");
        Assert.Matches(@"(?m)^linux-kernel\s+catalog\s+.*Linux from the mirror$", list.Stdout);
        Assert.Matches(@"(?m)^war-and-peace\s+catalog\s+", list.Stdout); // the shipped entries stay

        var fetch = await Corpora("fetch", "linux-kernel");
        Assert.Equal(ExitCode.Ok, fetch.ExitCode);
        var path = await Corpora("path", "linux-kernel");
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(path.Stdout.Trim()));
    }

    [Fact]
    public async Task A_catalogue_file_that_is_not_there_is_a_clear_error()
    {
        var result = await CliRunner.Run("corpora", "list", "--catalog", Path.Combine(_dir.Path, "nope.json"));
        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("Cannot read the corpus catalogue", result.Stderr);
    }
}
