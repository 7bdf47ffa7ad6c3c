using System.Text;
using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Tests.Data;

public class CorpusLoaderTests
{
    [Fact]
    public void Loads_utf8_text_and_drops_a_byte_order_mark()
    {
        using var dir = new TempDirectory();
        string path = dir.File("poems.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("ab🙂a")]);

        var corpus = CorpusLoader.LoadFile(path);

        Assert.Equal("poems", corpus.Name);
        Assert.Equal(Path.GetFullPath(path), corpus.SourcePath);
        Assert.Equal("ab🙂a", corpus.Text);
        Assert.Equal(4, corpus.Length);
        Assert.Equal(3, corpus.Vocabulary.Count);
        Assert.Equal([0, 1, 2, 0], corpus.Encoded);
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var error = Assert.Throws<CorpusException>(() => CorpusLoader.LoadFile("/nonexistent/dir/input.txt"));
        Assert.Contains("not found", error.Message);
        Assert.Contains("/nonexistent/dir/input.txt", error.Message);
    }

    [Fact]
    public void A_directory_is_not_a_corpus()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<CorpusException>(() => CorpusLoader.LoadFile(dir.Path));
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("empty.txt"), []);
        var error = Assert.Throws<CorpusException>(() => CorpusLoader.LoadFile(dir.File("empty.txt")));
        Assert.Contains("empty (0 bytes)", error.Message);
        Assert.Contains("empty.txt", error.Message);
    }

    [Fact]
    public void Binary_content_reports_the_offset_of_the_nul_byte()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("data.bin"), [(byte)'a', (byte)'b', (byte)'c', 0, 1, 2]);
        var error = Assert.Throws<CorpusException>(() => CorpusLoader.LoadFile(dir.File("data.bin")));
        Assert.Contains("binary", error.Message);
        Assert.Contains("byte offset 3", error.Message);
    }

    [Fact]
    public void Invalid_utf8_reports_the_offset_and_the_byte()
    {
        using var dir = new TempDirectory();
        // A valid "é" (2 bytes), then a Latin-1 "é" (the lone byte 0xE9) at offset 3.
        File.WriteAllBytes(dir.File("latin1.txt"), [0xC3, 0xA9, (byte)'x', 0xE9, (byte)'l', (byte)'o']);
        var error = Assert.Throws<CorpusException>(() => CorpusLoader.LoadFile(dir.File("latin1.txt")));
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Contains("byte offset 3", error.Message);
        Assert.Contains("0xE9", error.Message);
    }

    [Fact]
    public void File_over_the_byte_limit_is_refused()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("big.txt"), new string('a', 100));
        var error = Assert.Throws<CorpusException>(() => CorpusLoader.LoadFile(dir.File("big.txt"), new CorpusLimits(MaxBytes: 50)));
        Assert.Contains("100 bytes", error.Message);
        Assert.Contains("limit is 50", error.Message);
    }

    [Fact]
    public void Vocabulary_over_the_cap_reports_the_count()
    {
        string text = string.Concat(Enumerable.Range(0x4E00, 300).Select(c => (char)c));
        var error = Assert.Throws<CorpusException>(() => CorpusLoader.FromText("cjk", text, new CorpusLimits(MaxVocabulary: 100)));
        Assert.Contains("300 distinct symbols", error.Message);
        Assert.Contains("limit is 100", error.Message);
        Assert.Equal(300, CorpusLoader.FromText("cjk", text).Vocabulary.Count); // the default cap (2000) admits it
    }

    [Fact]
    public void In_memory_text_is_checked_like_a_file()
    {
        Assert.Contains("empty", Assert.Throws<CorpusException>(() => CorpusLoader.FromText("t", "")).Message);
        Assert.Contains("byte offset 2", Assert.Throws<CorpusException>(() => CorpusLoader.FromText("t", "ab\0c")).Message);
        var broken = Assert.Throws<CorpusException>(() => CorpusLoader.FromText("t", "é\uD800x"));
        Assert.Contains("unpaired", broken.Message);
        Assert.Contains("byte offset 2", broken.Message);
        Assert.Null(CorpusLoader.FromText("t", "ok 🙂").SourcePath);
    }
}
