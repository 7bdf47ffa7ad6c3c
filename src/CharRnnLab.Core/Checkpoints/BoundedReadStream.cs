using CharRnnLab.Core.IO;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// Reads a stream (a zip entry as it inflates) and refuses the byte past <see cref="Limit"/>: the
/// count is kept here, so a zip header that lies about an entry's size changes nothing.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit, Func<long, Exception> tooLong) : ForwardReadStream(inner)
{
    /// <summary>The most bytes the inner stream may yield.</summary>
    public long Limit { get; } = limit;

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte beyond the limit, so an entry that is exactly at it still ends cleanly.
        long room = Limit - BytesRead + 1;
        int read = Inner.Read(room < buffer.Length ? buffer[..(int)room] : buffer);
        BytesRead += read;
        if (BytesRead > Limit) throw tooLong(Limit);
        return read;
    }
}
