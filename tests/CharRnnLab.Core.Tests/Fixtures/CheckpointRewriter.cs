using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

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

    /// <summary>Makes the zip's local and central headers claim <paramref name="claimed"/> uncompressed bytes for
    /// <paramref name="entry"/>, whatever its data inflates to: a header that lies.</summary>
    public static void ClaimSize(string zip, string entry, uint claimed)
    {
        byte[] bytes = File.ReadAllBytes(zip);
        byte[] name = Encoding.UTF8.GetBytes(entry);
        for (int at = 0; at + 46 < bytes.Length; at++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            if (signature == 0x02014b50 && bytes.AsSpan(at + 46, name.Length).SequenceEqual(name)) // central directory entry
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), claimed);
                int local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), claimed);
            }
        }
        File.WriteAllBytes(zip, bytes);
    }
}
