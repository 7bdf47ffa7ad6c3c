using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Model;

/// <summary>Copies between tensors and plain arrays, the only form data leaves Core in.</summary>
internal static class TensorConvert
{
    /// <summary>A fresh CPU copy of a float tensor's values, row-major.</summary>
    public static float[] ToFloats(Tensor t)
    {
        using var scope = torch.NewDisposeScope();
        return t.detach().cpu().contiguous().data<float>().ToArray();
    }

    /// <summary>A new tensor on <paramref name="device"/> holding a copy of <paramref name="values"/>,
    /// outside any dispose scope (the caller owns it).</summary>
    public static Tensor FromFloats(float[] values, long[] shape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        return torch.tensor(values, shape).to(device).DetachFromDisposeScope(); // torch.tensor copies the array
    }

    /// <summary>An int64 tensor of symbol indices (what embedding and cross-entropy need), outside any
    /// dispose scope (the caller owns it).</summary>
    public static Tensor FromSymbols(int[] symbols, long[] shape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var longs = Array.ConvertAll(symbols, s => (long)s);
        return torch.tensor(longs, shape).to(device).DetachFromDisposeScope();
    }

    /// <summary>Copies <paramref name="values"/> into an existing tensor (a parameter) without autograd.</summary>
    public static void CopyInto(Tensor target, float[] values, string name)
    {
        if (values.Length != target.numel())
            throw new CheckpointException(
                $"Weight '{name}' has {values.Length:N0} values but the model expects {target.numel():N0}; " +
                "the weights do not belong to this model shape.");
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        target.copy_(torch.tensor(values, target.shape).to(target.device));
    }
}
