namespace CharRnnLab.Core.IO;

/// <summary>
/// A forward-only, read-only view of another stream that it owns: what a wrapper that watches reads
/// (counts them, caps them) needs, so each wrapper writes only its <c>Read</c>.
/// </summary>
internal abstract class ForwardReadStream(Stream inner) : Stream
{
    /// <summary>The stream read through; disposed with this one.</summary>
    protected Stream Inner { get; } = inner;

    /// <summary>Bytes read so far.</summary>
    protected long BytesRead { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }
}
