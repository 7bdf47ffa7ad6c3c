using System.Text;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>
/// Appends files to the corpus being built: the separator line, the file's bytes (a leading byte-order
/// mark dropped) and a line end if it lacks one. A file found not to be UTF-8 text part-way is cut back
/// out of the output and counted as skipped; the corpus never grows past the size limit.
/// </summary>
internal sealed class CorpusWriter(Stream output, CorpusBuildOptions options, BuildTally tally)
{
    private const int ChunkSize = 1 << 16;
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private readonly byte[] _buffer = new byte[ChunkSize];

    public long Bytes => output.Position;

    public void Append(string path, Stream content, CancellationToken cancellation)
    {
        long start = output.Position;
        var scanner = new Utf8Scanner();
        byte[] separator = Encoding.UTF8.GetBytes(options.SeparatorLine(path));
        scanner.Scan(separator);
        Write(separator, path);
        (long contentBytes, byte last) = CopyScanned(content, scanner, path, cancellation);
        SkipReason? problem = scanner.Problem ?? (!scanner.Finish() ? scanner.Problem : contentBytes == 0 ? SkipReason.Empty : null);
        if (problem is { } reason)
        {
            output.SetLength(start);
            output.Position = start;
            tally.Skip(reason, path);
            return;
        }
        if (last != (byte)'\n') { scanner.Scan("\n"u8); Write("\n"u8, path); }
        tally.Take(scanner);
    }

    /// <summary>Copies until the end or the first bytes that are not text; returns the count and the last byte.</summary>
    private (long Bytes, byte Last) CopyScanned(Stream content, Utf8Scanner scanner, string path, CancellationToken cancellation)
    {
        long total = 0;
        byte last = 0;
        bool first = true;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            int n = first ? content.ReadAtLeast(_buffer, ByteOrderMark.Length, throwOnEndOfStream: false) : content.Read(_buffer);
            if (n == 0) return (total, last);
            var chunk = _buffer.AsSpan(0, n);
            if (first && chunk.StartsWith(ByteOrderMark)) chunk = chunk[ByteOrderMark.Length..];
            first = false;
            if (chunk.IsEmpty) continue;
            if (!scanner.Scan(chunk)) return (total, last);
            Write(chunk, path);
            total += chunk.Length;
            last = chunk[^1];
        }
    }

    private void Write(ReadOnlySpan<byte> bytes, string path)
    {
        options.EnsureWithinLimit(output.Position + bytes.Length, path);
        output.Write(bytes);
    }
}
