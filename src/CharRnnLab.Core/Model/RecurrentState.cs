using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Model;

/// <summary>
/// The hidden state carried between minibatches: <see cref="H"/> is (L, B, H); <see cref="C"/> is
/// the LSTM cell state of the same shape, null for GRU/RNN. Owned by whoever holds it: it lives
/// outside any dispose scope and is disposed explicitly.
/// </summary>
public sealed class RecurrentState : IDisposable
{
    public RecurrentState(Tensor h, Tensor? c)
    {
        H = h;
        C = c;
    }

    public Tensor H { get; }
    public Tensor? C { get; }

    public static RecurrentState Zeros(ModelConfig config, int batch, Device device)
    {
        long[] shape = [config.Layers, batch, config.Hidden];
        var h = torch.zeros(shape, device: device).DetachFromDisposeScope();
        var c = config.Cell == CellType.Lstm ? torch.zeros(shape, device: device).DetachFromDisposeScope() : null;
        return new RecurrentState(h, c);
    }

    /// <summary>
    /// A copy cut from the autograd graph (truncated BPTT) and from the current dispose scope,
    /// so it survives into the next iteration.
    /// </summary>
    public RecurrentState DetachForNextBatch() =>
        new(H.detach().DetachFromDisposeScope(), C?.detach().DetachFromDisposeScope());

    /// <summary>The state as plain arrays, for checkpoints.</summary>
    public (float[] H, float[]? C) ToArrays() => (TensorConvert.ToFloats(H), C is null ? null : TensorConvert.ToFloats(C));

    public static RecurrentState FromArrays(ModelConfig config, int batch, float[] h, float[]? c, Device device)
    {
        long[] shape = [config.Layers, batch, config.Hidden];
        long expected = shape[0] * shape[1] * shape[2];
        if (h.Length != expected || (config.Cell == CellType.Lstm) != (c is not null) || (c is not null && c.Length != expected))
            throw new CheckpointException(
                $"The saved hidden state does not fit a {config.Cell} with {config.Layers} layer(s) of {config.Hidden} units " +
                $"and batch {batch}; the checkpoint is corrupt or from another run.");
        return new RecurrentState(
            TensorConvert.FromFloats(h, shape, device),
            c is null ? null : TensorConvert.FromFloats(c, shape, device));
    }

    public void Dispose()
    {
        H.Dispose();
        C?.Dispose();
    }
}
