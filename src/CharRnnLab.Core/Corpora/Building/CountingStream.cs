using CharRnnLab.Core.IO;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>Passes reads through and counts the bytes: how far into a (compressed) archive the reader is.</summary>
internal sealed class CountingStream(Stream inner, Action<long> onRead) : ForwardReadStream(inner)
{
    public override int Read(Span<byte> buffer)
    {
        int n = Inner.Read(buffer);
        BytesRead += n;
        onRead(BytesRead);
        return n;
    }
}
