using System.Text;
using CharRnnLab.Core.Corpora.Building;

namespace CharRnnLab.Core.Tests.Corpora.Building;

public sealed class Utf8ScannerTests
{
    [Fact]
    public void A_character_split_across_chunks_at_every_byte_counts_once()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a€😀b");
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var scanner = new Utf8Scanner();
            Assert.True(scanner.Scan(bytes.AsSpan(0, cut)));
            Assert.True(scanner.Scan(bytes.AsSpan(cut)));
            Assert.True(scanner.Finish());
            var symbols = new HashSet<int>();
            scanner.AddSymbolsTo(symbols);
            Assert.Equal((4L, 4), (scanner.Characters, symbols.Count));
        }
    }

    [Fact]
    public void Invalid_bytes_are_not_utf8_and_a_nul_is_binary()
    {
        Assert.Equal(SkipReason.NotUtf8, Problem([(byte)'c', 0xE9, (byte)'!']));
        Assert.Equal(SkipReason.NotUtf8, Problem([0xC3, (byte)'A']));       // a lead byte without its continuation
        Assert.Equal(SkipReason.Binary, Problem([0x89, (byte)'P', 0x00]));  // not UTF-8 first, but a NUL says binary
        Assert.Equal(SkipReason.Binary, Problem([(byte)'a', 0x00]));
    }

    [Fact]
    public void A_file_that_ends_inside_a_character_is_not_utf8()
    {
        var scanner = new Utf8Scanner();
        Assert.True(scanner.Scan([0xE2, 0x82]));
        Assert.False(scanner.Finish());
        Assert.Equal(SkipReason.NotUtf8, scanner.Problem);
    }

    private static SkipReason? Problem(byte[] bytes)
    {
        var scanner = new Utf8Scanner();
        Assert.False(scanner.Scan(bytes));
        return scanner.Problem;
    }
}
