using System.Buffers.Binary;

namespace CharRnnLab.Tests.Shared;

/// <summary>
/// Wraps bytes in a valid .xz file (one block, CRC32 check) whose LZMA2 data is stored in uncompressed
/// chunks. SharpCompress reads xz but cannot write it, and the tests must not need the xz tool: this is the
/// xz container format itself (tukaani.org/xz/xz-file-format.txt), so a reader decodes it like any .xz.
/// </summary>
public static class XzContainer
{
    private static readonly byte[] HeaderMagic = [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];
    private static readonly byte[] FooterMagic = [(byte)'Y', (byte)'Z'];
    private static readonly byte[] StreamFlags = [0x00, 0x01]; // check type 1: CRC32
    private const int MaxChunk = 1 << 16;

    public static byte[] Wrap(byte[] data)
    {
        var xz = new MemoryStream();
        xz.Write(HeaderMagic);
        xz.Write(StreamFlags);
        WriteCrc(xz, StreamFlags);
        byte[] blockHeader = BlockHeader();
        xz.Write(blockHeader);
        long compressed = WriteLzma2Chunks(xz, data);
        Pad(xz, compressed);
        WriteCrc(xz, data);
        byte[] index = Index(blockHeader.Length + compressed + 4, data.Length);
        xz.Write(index);
        WriteFooter(xz, index.Length);
        return xz.ToArray();
    }

    /// <summary>Size byte, flags (one filter, no sizes), LZMA2 filter with a 1 MiB dictionary, padding, CRC32.</summary>
    private static byte[] BlockHeader()
    {
        byte[] header = [0x02, 0x00, 0x21, 0x01, 16, 0, 0, 0]; // 0x02: (12 / 4) - 1
        return [.. header, .. Crc(header)];
    }

    /// <summary>Uncompressed LZMA2 chunks: control 1 (dictionary reset) first, then 2, each with (size - 1) big-endian; 0 ends.</summary>
    private static long WriteLzma2Chunks(Stream xz, byte[] data)
    {
        long written = 0;
        for (int offset = 0; offset < data.Length; offset += MaxChunk)
        {
            int size = Math.Min(MaxChunk, data.Length - offset);
            xz.WriteByte(offset == 0 ? (byte)0x01 : (byte)0x02);
            xz.WriteByte((byte)((size - 1) >> 8));
            xz.WriteByte((byte)((size - 1) & 0xFF));
            xz.Write(data, offset, size);
            written += 3 + size;
        }
        xz.WriteByte(0x00);
        return written + 1;
    }

    private static byte[] Index(long unpaddedSize, long uncompressedSize)
    {
        var index = new MemoryStream();
        index.WriteByte(0x00);
        WriteVarint(index, 1);
        WriteVarint(index, (ulong)unpaddedSize);
        WriteVarint(index, (ulong)uncompressedSize);
        Pad(index, index.Length);
        WriteCrc(index, index.ToArray());
        return index.ToArray();
    }

    private static void WriteFooter(Stream xz, int indexSize)
    {
        var backward = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(backward, (uint)(indexSize / 4 - 1));
        byte[] crcd = [.. backward, .. StreamFlags];
        WriteCrc(xz, crcd);
        xz.Write(crcd);
        xz.Write(FooterMagic);
    }

    private static void WriteVarint(Stream s, ulong value)
    {
        while (value >= 0x80) { s.WriteByte((byte)(value | 0x80)); value >>= 7; }
        s.WriteByte((byte)value);
    }

    private static void Pad(Stream s, long length)
    {
        for (long i = length; i % 4 != 0; i++) s.WriteByte(0);
    }

    private static void WriteCrc(Stream s, byte[] data) => s.Write(Crc(data));

    private static byte[] Crc(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, ~crc);
        return bytes;
    }
}
