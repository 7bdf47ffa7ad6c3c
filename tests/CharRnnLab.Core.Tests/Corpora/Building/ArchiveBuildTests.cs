using System.Text;
using CharRnnLab.Core.Corpora.Building;

namespace CharRnnLab.Core.Tests.Corpora.Building;

public sealed class ArchiveBuildTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string Target => Path.Combine(_dir.Path, "out", "kernel.txt");

    public void Dispose() => _dir.Dispose();

    private string Archive(string name, byte[] bytes)
    {
        string path = _dir.File(Path.Combine("in", name));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string[] OutputFolder() => Directory.Exists(Path.GetDirectoryName(Target))
        ? Directory.GetFileSystemEntries(Path.GetDirectoryName(Target)!).Select(p => Path.GetFileName(p)).ToArray()
        : [];

    public static readonly TheoryData<string> Formats = ["kernel.tar", "kernel.tar.gz", "kernel.tar.xz", "kernel.zip"];

    private static byte[] Pack(string name, IEnumerable<(string, byte[])> files) => name switch
    {
        _ when name.EndsWith(".tar.xz") => TestArchives.TarXz(files),
        _ when name.EndsWith(".tar.gz") => TestArchives.TarGz(files),
        _ when name.EndsWith(".zip") => TestArchives.Zip(files),
        _ => TestArchives.Tar(files),
    };

    [Theory, MemberData(nameof(Formats))]
    public void An_archive_gives_the_globbed_files_in_path_order_behind_their_separators(string format)
    {
        var summary = new CorpusBuilder(KernelLikeTree.Options).FromPath(Archive(format, Pack(format, KernelLikeTree.Files)), Target);
        Assert.Equal(KernelLikeTree.Expected, File.ReadAllText(Target));
        KernelLikeTree.AssertSummary(summary);
        Assert.Equal(["kernel.txt"], OutputFolder()); // no temporary or spool file left
    }

    [Fact]
    public void A_zip_of_tex_files_without_separators_is_their_plain_concatenation()
    {
        (string, byte[])[] files =
        [
            ("stacks-project/sets.tex", "\\section{Sets}\n"u8.ToArray()),
            ("stacks-project/algebra.tex", "\\section{Algebra}\nA ring $R$.\n"u8.ToArray()),
            ("stacks-project/Makefile", "all:\n"u8.ToArray()),
        ];
        var summary = new CorpusBuilder(new(["**/*.tex"], Separator: null)).FromPath(Archive("stacks.zip", TestArchives.Zip(files)), Target);
        Assert.Equal("\\section{Algebra}\nA ring $R$.\n\\section{Sets}\n", File.ReadAllText(Target));
        Assert.Equal((2, 1), (summary.FilesTaken, summary.NotMatched));
    }

    [Fact]
    public void A_multibyte_text_larger_than_the_read_chunks_comes_through_whole()
    {
        string big = string.Concat(Enumerable.Repeat("aé€😀\n", 40_000)); // 1+2+3+4+1 bytes: characters straddle every chunk edge
        var summary = new CorpusBuilder(new(["*.txt"], Separator: null))
            .FromPath(Archive("big.tar.xz", TestArchives.TarXz([("big.txt", Encoding.UTF8.GetBytes(big))])), Target);
        Assert.Equal(big, File.ReadAllText(Target));
        Assert.Equal((big.EnumerateRunes().Count(), 5), (summary.Characters, summary.Symbols));
    }

    public static TheoryData<string, double> Cuts()
    {
        var cuts = new TheoryData<string, double>();
        foreach (string format in Formats) foreach (double keep in new[] { 0.1, 0.5, 0.9 }) cuts.Add(format, keep);
        return cuts;
    }

    /// <summary>Cut inside the members' data (a cut after the last member's data loses nothing and is built).</summary>
    [Theory, MemberData(nameof(Cuts))]
    public void A_truncated_archive_is_a_clear_error_and_leaves_no_corpus(string format, double keep)
    {
        byte[] whole = Pack(format, [.. KernelLikeTree.Files, ("linux/kernel/big.c", Encoding.UTF8.GetBytes(Filler(200_000)))]);
        string archive = Archive(format, whole[..(int)(whole.Length * keep)]);
        var ex = Assert.Throws<CorpusException>(() => new CorpusBuilder(KernelLikeTree.Options).FromPath(archive, Target));
        Assert.Contains($"{format} is truncated or damaged", ex.Message);
        Assert.Contains("No corpus was written", ex.Message);
        Assert.Empty(OutputFolder());
    }

    [Fact]
    public void A_failed_rebuild_keeps_the_corpus_that_was_there()
    {
        File.WriteAllText(_dir.File("out/kernel.txt"), "the earlier corpus\n");
        byte[] whole = TestArchives.TarXz(KernelLikeTree.Files);
        Assert.Throws<CorpusException>(() => new CorpusBuilder(KernelLikeTree.Options).FromPath(Archive("k.tar.xz", whole[..(whole.Length / 2)]), Target));
        Assert.Equal("the earlier corpus\n", File.ReadAllText(Target));
        Assert.Equal(["kernel.txt"], OutputFolder());
    }

    [Fact]
    public void A_file_that_is_not_an_archive_says_which_formats_are_read()
    {
        var ex = Assert.Throws<CorpusException>(() =>
            new CorpusBuilder(KernelLikeTree.Options).FromPath(Archive("notes.txt", "just some text, no archive\n"u8.ToArray()), Target));
        Assert.Contains("notes.txt is not an archive", ex.Message);
        Assert.Contains(".tar, .tar.gz, .tar.xz or .zip", ex.Message);
        Assert.Empty(OutputFolder());
    }

    [Fact]
    public void Globs_that_take_nothing_are_an_error_naming_what_was_seen()
    {
        var ex = Assert.Throws<CorpusException>(() =>
            new CorpusBuilder(new(["**/*.rs"])).FromPath(Archive("k.tar", TestArchives.Tar(KernelLikeTree.Files)), Target));
        Assert.Contains("No file went into the corpus", ex.Message);
        Assert.Contains("9 not matching the globs", ex.Message);
        Assert.Empty(OutputFolder());
    }

    [Fact]
    public void A_corpus_past_the_size_limit_stops_the_build_and_leaves_nothing()
    {
        var options = KernelLikeTree.Options with { MaxBytes = 40 };
        var ex = Assert.Throws<CorpusException>(() => new CorpusBuilder(options).FromPath(Archive("k.tar.xz", TestArchives.TarXz(KernelLikeTree.Files)), Target));
        Assert.Contains("past the limit of 40 B", ex.Message);
        Assert.Empty(OutputFolder());
    }

    [Fact]
    public void Progress_covers_the_whole_archive_then_every_file_written()
    {
        byte[] archive = TestArchives.TarXz(KernelLikeTree.Files);
        var reports = new List<BuildProgress>();
        new CorpusBuilder(KernelLikeTree.Options).FromPath(Archive("k.tar.xz", archive), Target, new SynchronousProgress<BuildProgress>(reports.Add));
        var read = reports.Last(r => r.Stage == BuildStage.Reading);
        Assert.Equal((archive.Length, (long?)archive.Length), (read.Done, read.Total));
        var written = reports[^1];
        Assert.Equal((BuildStage.Writing, 7L, (long?)7, 4, 1.0), (written.Stage, written.Done, written.Total, written.FilesTaken, written.Fraction));
    }

    private static string Filler(int length) =>
        string.Concat(Enumerable.Range(0, length / 20).Select(i => $"x = x + {i % 1000,6};\n"));
}
