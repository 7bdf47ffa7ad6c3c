using Microsoft.Win32.SafeHandles;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>A read-only window [offset, offset + length) on the spool file, read without moving a shared position.</summary>
internal sealed class SpoolSlice(SafeFileHandle spool, long offset, long length) : Stream
{
    private long _position;

    public override int Read(byte[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<byte> buffer)
    {
        int wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0) return 0;
        int n = RandomAccess.Read(spool, buffer[..wanted], offset + _position);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
