namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// Reads a stream (a zip entry as it inflates) and refuses the byte past <see cref="Limit"/>: the
/// count is kept here, so a zip header that lies about an entry's size changes nothing.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit, Func<long, Exception> tooLong) : Stream
{
    private long _read;

    /// <summary>The most bytes the inner stream may yield.</summary>
    public long Limit { get; } = limit;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte beyond the limit, so an entry that is exactly at it still ends cleanly.
        long room = Limit - _read + 1;
        int read = inner.Read(room < buffer.Length ? buffer[..(int)room] : buffer);
        _read += read;
        if (_read > Limit) throw tooLong(Limit);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
