using System.Text;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

public sealed class UploadTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CorpusLibrary _library;

    public UploadTests() => _library = new CorpusLibrary(_dir.Path, maxUploadBytes: 100_000);

    public void Dispose() => _dir.Dispose();

    private Task<CorpusInfo> Upload(string name, byte[] bytes) => _library.UploadAsync(name, new MemoryStream(bytes));
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Every file under the uploads folder with its bytes, to show a failed upload changed nothing.</summary>
    private Dictionary<string, string> Snapshot() => Directory.Exists(_library.Uploads.Directory)
        ? Directory.GetFiles(_library.Uploads.Directory).ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)))
        : [];

    [Fact]
    public async Task A_valid_text_is_stored_under_a_safe_unique_name_and_listed()
    {
        var first = await Upload("My Novel (v2).txt", Utf8("Call me Ishmael. Ça va, naïve café 🚀\n"));
        Assert.Equal(("upload-my-novel-v2", CorpusKinds.Uploaded, true), (first.Id, first.Kind, first.Available));
        Assert.Equal("Call me Ishmael. Ça va, naïve café 🚀\n", File.ReadAllText(first.Path!));

        var second = await Upload("my novel v2.md", Utf8("another"));
        Assert.Equal("upload-my-novel-v2-2", second.Id);
        var third = await Upload("../../etc/passwd", Utf8("sneaky"));
        Assert.Equal("upload-passwd", third.Id);
        Assert.Equal(_library.Uploads.Directory, Path.GetDirectoryName(third.Path));
        var unnamed = await Upload("???.txt", Utf8("no usable name"));
        Assert.Equal("upload-text", unnamed.Id);

        Assert.Equal(4, _library.List().Count(c => c.Kind == CorpusKinds.Uploaded));
        Assert.Equal(first.Path, _library.EnsureAvailable("upload-my-novel-v2"));
    }

    [Fact]
    public async Task A_byte_order_mark_is_dropped()
    {
        var info = await Upload("bom.txt", [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);
        Assert.Equal("hi"u8.ToArray(), File.ReadAllBytes(info.Path!));
    }

    [Theory]
    [InlineData(new byte[0], "is empty")]
    [InlineData(new byte[] { 0x68, 0x69, 0x00, 0x21 }, "NUL byte at byte offset 2")]
    [InlineData(new byte[] { 0x61, 0x62, 0x63, 0xC3, 0x28 }, "not valid UTF-8 at byte offset 3")]
    [InlineData(new byte[] { 0x61, 0xFF }, "not valid UTF-8 at byte offset 1")]
    [InlineData(new byte[] { 0xE2, 0x82 }, "not valid UTF-8 at byte offset 0")]
    public async Task Bad_uploads_are_refused_and_leave_existing_corpora_untouched(byte[] bytes, string reason)
    {
        await Upload("keep.txt", Utf8("precious"));
        var before = Snapshot();
        var ex = await Assert.ThrowsAsync<CorpusException>(() => Upload("bad.txt", bytes));
        Assert.Contains(reason, ex.Message);
        Assert.Contains("bad.txt", ex.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Invalid_utf8_far_into_a_large_upload_is_located_exactly()
    {
        byte[] bytes = Utf8(new string('a', 90_000) + "é" + new string('b', 5_000));
        bytes[90_000 + 2 + 1234] = 0xC0;   // an overlong-encoding lead byte, always invalid
        var ex = await Assert.ThrowsAsync<CorpusException>(() => Upload("big.txt", bytes));
        Assert.Contains("byte offset 91236", ex.Message);
    }

    [Fact]
    public async Task Uploads_over_the_limit_are_refused_and_leave_existing_corpora_untouched()
    {
        await Upload("keep.txt", Utf8("precious"));
        var before = Snapshot();
        var ex = await Assert.ThrowsAsync<CorpusException>(() => Upload("huge.txt", new byte[100_001].Select(_ => (byte)'x').ToArray()));
        Assert.Contains("larger than the limit of 100.0 kB", ex.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Uploads_can_be_deleted()
    {
        var info = await Upload("gone.txt", Utf8("bye"));
        _library.DeleteUpload(info.Id);
        Assert.DoesNotContain(_library.List(), c => c.Id == info.Id);
        Assert.Contains("no uploaded corpus", Assert.Throws<CorpusException>(() => _library.DeleteUpload(info.Id)).Message);
        Assert.Throws<CorpusException>(() => _library.DeleteUpload("upload-../../x"));
    }
}
