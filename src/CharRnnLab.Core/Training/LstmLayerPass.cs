using System.Runtime.InteropServices;
using CharRnnLab.Core.Benchmarks;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Training;

/// <summary>What one LSTM layer's forward keeps for its backward, time-major, all contiguous float32 on the CPU.</summary>
/// <param name="Gates">(T, B, 4H) activated i, f, g, o.</param>
/// <param name="Cells">(T + 1, B, H): the carried c, then c of steps 0 … T−1.</param>
/// <param name="TanhCells">(T, B, H) tanh c.</param>
/// <param name="Hidden">(T + 1, B, H): the carried h, then h of steps 0 … T−1.</param>
internal sealed record LstmTape(Tensor Gates, Tensor Cells, Tensor TanhCells, Tensor Hidden)
{
    public long Steps => Gates.size(0);

    /// <summary>h of steps 0 … T−1, the layer's output (T, B, H).</summary>
    public Tensor Outputs => Hidden.narrow(0, 1, Steps);

    /// <summary>h of steps −1 … T−2, what each step's recurrent product read (T, B, H).</summary>
    public Tensor Previous => Hidden.narrow(0, 0, Steps);
}

/// <summary>
/// One LSTM layer over a whole minibatch, forward and backward, without autograd. Why: libtorch's
/// autograd LSTM differentiates every time step's h·W_hhᵀ on its own, so dW_hh is T small
/// (4H × B)·(B × H) products, each added into a (4H, H) gradient. Here the backward runs only the
/// chain that is sequential — dh_{t−1} = dgates_t·W_hh, one (B × 4H)·(4H × H) product per step,
/// gate derivatives fused in <see cref="LstmKernels"/> — and then dW_hh = Σ_t dgates_tᵀ·h_{t−1},
/// dW_ih = dgatesᵀ·x and dx = dgates·W_ih as one product each over all T·B rows.
/// Must run under no_grad, on CPU float32 tensors; callers dispose through their scope.
/// </summary>
internal static class LstmLayerPass
{
    /// <summary>The profile's section names.</summary>
    public const string ForwardProductSection = "LSTM forward, per-step h·W_hhᵀ", ForwardGateSection = "LSTM forward, per-step gate math (managed)",
        BackwardGateSection = "LSTM backward, per-step gate derivatives (managed)", BackwardProductSection = "LSTM backward, per-step dgates·W_hh";

    /// <summary>Runs the recurrence over <paramref name="projected"/> (T, B, 4H) = x·W_ihᵀ + b_ih + b_hh,
    /// which becomes the tape's gates; <paramref name="h0"/>, <paramref name="c0"/> (B, H) are the carried state.
    /// <paramref name="clock"/> (the bench's profile; null in training) splits products from gate math.</summary>
    public static LstmTape Forward(Tensor projected, Tensor weightHh, Tensor h0, Tensor c0, SectionClock? clock = null)
    {
        long steps = projected.size(0), batch = projected.size(1), units = h0.size(1);
        var hidden = torch.empty(steps + 1, batch, units);
        var cells = torch.empty(steps + 1, batch, units);
        var tanhCells = torch.empty(steps, batch, units);
        hidden[0].copy_(h0);
        cells[0].copy_(c0);
        var recurrentT = weightHh.t(); // (H, 4H)
        for (long t = 0; t < steps; t++)
        {
            using var step = torch.NewDisposeScope();
            var gates = projected[t];
            gates.addmm_(hidden[t], recurrentT); // (B, 4H) += (B, H)·(H, 4H)
            clock?.Lap(ForwardProductSection);
            LstmKernels.Forward(Floats(gates), Floats(cells[t]), Floats(cells[t + 1]), Floats(tanhCells[t]), Floats(hidden[t + 1]), (int)units);
            clock?.Lap(ForwardGateSection);
        }
        return new LstmTape(projected, cells, tanhCells, hidden);
    }

    /// <summary>
    /// dL/d(pre-activations) of every step (T, B, 4H), from <paramref name="dOutputs"/> = dL/dh_t from
    /// above (T, B, H, contiguous). Nothing flows in from the next minibatch (its state is detached).
    /// </summary>
    public static Tensor Backward(LstmTape tape, Tensor dOutputs, Tensor weightHh, SectionClock? clock = null)
    {
        long steps = tape.Steps, units = tape.Cells.size(2);
        var dGates = torch.empty_like(tape.Gates);
        var dc = new float[tape.Cells.size(1) * units];
        var dh = dOutputs[steps - 1].contiguous().DetachFromDisposeScope();
        for (long t = steps - 1; t >= 0; t--)
        {
            using var step = torch.NewDisposeScope();
            var stepGates = dGates[t];
            LstmKernels.Backward(Floats(tape.Gates[t]), Floats(tape.Cells[t]), Floats(tape.TanhCells[t]), Floats(dh), dc, Floats(stepGates), (int)units);
            clock?.Lap(BackwardGateSection);
            dh.Dispose();
            if (t > 0) dh = dOutputs[t - 1].addmm(stepGates, weightHh).DetachFromDisposeScope(); // (B, H) + (B, 4H)·(4H, H)
            clock?.Lap(BackwardProductSection);
        }
        return dGates;
    }

    /// <summary>Σ_t dgates_tᵀ·h_{t−1}: dL/dW_hh (4H, H) as one product over all T·B rows.</summary>
    public static Tensor RecurrentWeightGradient(LstmTape tape, Tensor dGates) =>
        Rows(dGates).t().mm(Rows(tape.Previous));

    /// <summary>(T, B, K) → (T·B, K).</summary>
    public static Tensor Rows(Tensor timeMajor) => timeMajor.reshape(-1, timeMajor.size(2));

    /// <summary>The values of a contiguous CPU float32 tensor or row view, in place.</summary>
    private static Span<float> Floats(Tensor contiguous) => MemoryMarshal.Cast<byte, float>(contiguous.bytes);
}
