using System.Text;
using CharRnnLab.Core.Corpora.Building;
using Xunit;

namespace CharRnnLab.Tests.Shared;

/// <summary>
/// A tiny source tree for corpus builds: C files to take (listed out of path order), a documentation
/// folder to exclude, a README the globs do not select, and a binary, a Latin-1 and an empty file to skip.
/// </summary>
public static class KernelLikeTree
{
    public static readonly string[] Globs = ["**/*.c", "**/*.h", "!**/Documentation/**"];
    public const string Separator = "// {path}";

    public static readonly (string Path, byte[] Bytes)[] Files =
    [
        ("linux/lib/alpha.c", [0xEF, 0xBB, 0xBF, .. "x\n"u8]),
        ("linux/kernel/sched.c", Utf8("int schedule(void) { return 0; }\n")),
        ("linux/README", Utf8("Linux kernel\n")),
        ("linux/Documentation/example.c", Utf8("// doc example\n")),
        ("linux/drivers/blob.c", [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x00, 0x01]),
        ("linux/drivers/latin1.h", [(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)'\n']),
        ("linux/lib/empty.h", []),
        ("linux/lib/Zeta.c", Utf8("ß nicht am Ende")),
        ("linux/include/sched.h", Utf8("#define HZ 100\n")),
    ];

    /// <summary>What a build with <see cref="Globs"/> and <see cref="Separator"/> must write: ordinal path order
    /// ('Z' before 'a'), the byte-order mark dropped, a line end added to the file without one.</summary>
    public const string Expected =
        "// linux/include/sched.h\n#define HZ 100\n" +
        "// linux/kernel/sched.c\nint schedule(void) { return 0; }\n" +
        "// linux/lib/Zeta.c\nß nicht am Ende\n" +
        "// linux/lib/alpha.c\nx\n";

    public static CorpusBuildOptions Options => new(Globs, Separator: Separator);

    public static void AssertSummary(BuildSummary summary)
    {
        Assert.Equal(4, summary.FilesTaken);
        Assert.Equal(new Dictionary<SkipReason, int> { [SkipReason.Binary] = 1, [SkipReason.NotUtf8] = 1, [SkipReason.Empty] = 1 },
            summary.Skipped.Where(s => s.Key != SkipReason.NotRegularFile).ToDictionary());
        Assert.Equal(["linux/drivers/blob.c"], summary.SkippedExamples[SkipReason.Binary]);
        Assert.Equal(2, summary.NotMatched); // README and the excluded Documentation/ file
        Assert.Equal(Encoding.UTF8.GetByteCount(Expected), summary.Bytes);
        Assert.Equal(Expected.EnumerateRunes().Count(), summary.Characters);
        Assert.Equal(Expected.EnumerateRunes().Distinct().Count(), summary.Symbols);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
