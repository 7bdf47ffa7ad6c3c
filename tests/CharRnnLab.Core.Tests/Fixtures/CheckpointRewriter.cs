using System.IO.Compression;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Copies a checkpoint with one entry replaced: how tests make damaged files and zip bombs.</summary>
internal static class CheckpointRewriter
{
    /// <summary>Writes <paramref name="target"/>: every entry of <paramref name="source"/>, with <paramref name="entry"/>'s
    /// content written by <paramref name="write"/> instead (which gets the original bytes).</summary>
    public static void Replace(string source, string target, string entry, Action<byte[], Stream> write)
    {
        using var input = ZipFile.OpenRead(source);
        using var output = ZipFile.Open(target, ZipArchiveMode.Create);
        foreach (var original in input.Entries)
        {
            using var from = original.Open();
            var bytes = new MemoryStream();
            from.CopyTo(bytes);
            using var to = output.CreateEntry(original.FullName, CompressionLevel.Fastest).Open();
            if (original.FullName == entry) write(bytes.ToArray(), to);
            else bytes.WriteTo(to);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> zero bytes: deflate packs 700 MB of them into about 7 MB.</summary>
    public static void Zeros(Stream to, long bytes)
    {
        var block = new byte[1 << 20];
        for (long left = bytes; left > 0; left -= block.Length) to.Write(block, 0, (int)Math.Min(block.Length, left));
    }
}
