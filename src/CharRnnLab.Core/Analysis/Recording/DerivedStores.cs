using System.Buffers;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// tanh c, computed on read from the stored c with the recorder's own tanh
/// (<see cref="RecordingKernels.Tanh"/>), so a float32 recording reads back exactly what a step computed.
/// </summary>
internal sealed class TanhCellStore(ActivationStore cell) : ActivationStore
{
    public override int Length => cell.Length;
    public override long Bytes => 0;

    public override void Read(int offset, Span<float> destination)
    {
        cell.Read(offset, destination);
        RecordingKernels.Tanh(destination, destination);
    }

    public override void ReadColumn(int unit, int units, Span<float> destination)
    {
        cell.ReadColumn(unit, units, destination);
        RecordingKernels.Tanh(destination, destination);
    }
}

/// <summary>
/// An LSTM's h = o⊙tanh c, computed on read from the stored o and c with the recorder's own
/// formula (<see cref="RecordingKernels.LstmOutput"/>). Valid only for a layer whose h is never
/// edited (an edit of h breaks the identity; the recorder then stores h).
/// </summary>
internal sealed class LstmHiddenStore(ActivationStore outputGate, ActivationStore cell) : ActivationStore
{
    private const int Block = 4096; // values combined per pass: a small scratch for c, however long the read

    public override int Length => cell.Length;
    public override long Bytes => 0;

    public override void Read(int offset, Span<float> destination)
    {
        Span<float> c = stackalloc float[Block];
        for (int from = 0; from < destination.Length; from += Block)
        {
            var h = destination.Slice(from, Math.Min(Block, destination.Length - from));
            outputGate.Read(offset + from, h);
            cell.Read(offset + from, c[..h.Length]);
            Output(h, c[..h.Length]);
        }
    }

    public override void ReadColumn(int unit, int units, Span<float> destination)
    {
        outputGate.ReadColumn(unit, units, destination);
        var c = ArrayPool<float>.Shared.Rent(destination.Length);
        try
        {
            cell.ReadColumn(unit, units, c.AsSpan(0, destination.Length));
            Output(destination, c.AsSpan(0, destination.Length));
        }
        finally { ArrayPool<float>.Shared.Return(c); }
    }

    // o (in h's place) and c → h = o⊙tanh c; the kernel reads each element before it writes it.
    private static void Output(Span<float> oThenH, Span<float> c) => RecordingKernels.LstmOutput(oThenH, c, c, oThenH);
}
