using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

public sealed class SourceCorpusTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public SourceCorpusTests()
    {
        _repo.File("CharRnnLab.sln", "");
        _repo.File("src/App/Program.cs", "class P {}\r\n");
        _repo.File("src/App/Pages/Index.razor", "<h1>Hi</h1>");
        _repo.File("src/App/bin/Debug/Generated.cs", "// build output");
        _repo.File("src/App/obj/Debug/App.AssemblyInfo.cs", "// build output");
        _repo.File(".git/hooks/hook.js", "// git internals");
        _repo.File(".vs/cache.cs", "// editor state");
        _repo.File("wwwroot-assets/lab.js", "export const x = 1;\n");
        _repo.File("wwwroot-assets/lab.css", "body { margin: 0 }\n");
        _repo.File("wwwroot-assets/vendor.min.js", "minified");
        _repo.File("web/node_modules/pkg/index.js", "module.exports = 1;");
        _repo.File("README.md", "# not code");
        _repo.File("tests/A/BTests.cs", "\uFEFFclass B {}\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Finds_the_repository_root_from_below()
    {
        Assert.Equal(_repo.Path, SourceCorpus.FindRepoRoot(Path.Combine(_repo.Path, "src", "App", "Pages")));
        Assert.Null(SourceCorpus.FindRepoRoot(Path.GetTempPath()));
    }

    [Fact]
    public void Lists_source_files_in_order_skipping_build_output_hidden_folders_and_minified_files()
    {
        Assert.Equal(
            ["src/App/Pages/Index.razor", "src/App/Program.cs", "tests/A/BTests.cs", "wwwroot-assets/lab.css", "wwwroot-assets/lab.js"],
            SourceCorpus.ListFiles(_repo.Path));
    }

    [Fact]
    public void Builds_one_text_with_a_header_comment_per_file_in_its_language()
    {
        string text = SourceCorpus.Build(_repo.Path);
        Assert.Equal(
            "@* ===== src/App/Pages/Index.razor ===== *@\n<h1>Hi</h1>\n\n" +
            "// ===== src/App/Program.cs =====\nclass P {}\n\n" +
            "// ===== tests/A/BTests.cs =====\nclass B {}\n\n" +
            "/* ===== wwwroot-assets/lab.css ===== */\nbody { margin: 0 }\n\n" +
            "// ===== wwwroot-assets/lab.js =====\nexport const x = 1;\n",
            text);
    }

    [Fact]
    public void The_library_builds_it_on_demand_or_explains_why_it_cannot()
    {
        using var data = new TempDirectory();
        var library = new CorpusLibrary(data.Path, sourceSearchStart: Path.Combine(_repo.Path, "src"));
        Assert.True(library.Get(SourceCorpus.Id).Available);
        string path = library.EnsureAvailable(SourceCorpus.Id);
        Assert.Equal(SourceCorpus.Build(_repo.Path), File.ReadAllText(path));
        Assert.Equal(path, library.Get(SourceCorpus.Id).Path);

        using var elsewhere = new TempDirectory();
        var installed = new CorpusLibrary(data.Path, sourceSearchStart: elsewhere.Path);
        Assert.False(installed.Get(SourceCorpus.Id).Available);
        var ex = Assert.Throws<CorpusException>(() => installed.EnsureAvailable(SourceCorpus.Id));
        Assert.Contains("no CharRnnLab.sln was found", ex.Message);
        Assert.Contains(elsewhere.Path, ex.Message);
    }

    [Fact]
    public void This_repository_yields_its_own_cs_files()
    {
        string root = SourceCorpus.FindRepoRoot(AppContext.BaseDirectory)!;
        var files = SourceCorpus.ListFiles(root);
        Assert.Contains("src/CharRnnLab.Core/Corpora/CorpusLibrary.cs", files);
        Assert.Contains("tests/CharRnnLab.Core.Tests/Corpora/SourceCorpusTests.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/") || f.Contains("/obj/") || f.StartsWith(".git/"));
    }
}
