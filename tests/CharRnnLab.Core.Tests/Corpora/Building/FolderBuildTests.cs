using CharRnnLab.Core.Corpora.Building;

namespace CharRnnLab.Core.Tests.Corpora.Building;

public sealed class FolderBuildTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string Source => Path.Combine(_dir.Path, "src");
    private string Target => Path.Combine(_dir.Path, "out", "kernel.txt");

    public FolderBuildTests()
    {
        foreach (var (path, bytes) in KernelLikeTree.Files) File.WriteAllBytes(_dir.File(Path.Combine("src", path)), bytes);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_folder_gives_the_same_corpus_as_an_archive_of_it()
    {
        var summary = new CorpusBuilder(KernelLikeTree.Options).FromPath(Source, Target);
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(Target));
        KernelLikeTree.AssertSummary(summary);
    }

    [Fact]
    public void A_linked_file_is_skipped_and_counted_not_followed()
    {
        File.CreateSymbolicLink(Path.Combine(Source, "linux", "kernel", "link.c"), "/etc/hostname");
        var summary = new CorpusBuilder(KernelLikeTree.Options).FromPath(Source, Target);
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(Target));
        Assert.Equal(1, summary.Skipped[SkipReason.NotRegularFile]);
        Assert.Contains("1 not a regular file (linux/kernel/link.c)", summary.ToString());
    }

    [Fact]
    public void No_separator_and_an_exclude_list_give_the_bare_texts()
    {
        var options = new CorpusBuildOptions(["**/*.c"], Exclude: ["**/Documentation/**", "**/lib/**"], Separator: "");
        new CorpusBuilder(options).FromPath(Source, Target);
        Assert.Equal("int schedule(void) { return 0; }\n", File.ReadAllText(Target));
    }

    [Fact]
    public void Without_globs_every_text_file_is_taken()
    {
        var summary = new CorpusBuilder(new([], Separator: "== {path} ==")).FromPath(Path.Combine(Source, "linux", "include"), Target);
        Assert.Equal("== sched.h ==\n#define HZ 100\n", File.ReadAllText(Target));
        Assert.Equal((1, 0), (summary.FilesTaken, summary.NotMatched));
    }

    [Fact]
    public void A_missing_source_names_the_path_and_what_can_be_given()
    {
        var ex = Assert.Throws<CorpusException>(() => new CorpusBuilder(KernelLikeTree.Options).FromPath(Path.Combine(_dir.Path, "nope"), Target));
        Assert.Contains("There is no file or folder", ex.Message);
        Assert.Contains("nope", ex.Message);
    }

    [Fact]
    public void A_separator_of_two_lines_is_refused()
    {
        var ex = Assert.Throws<CorpusException>(() => new CorpusBuilder(new(["**/*.c"], Separator: "a\nb")).FromPath(Source, Target));
        Assert.Contains("one line", ex.Message);
    }
}
