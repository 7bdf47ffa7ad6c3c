using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CharRnnLab.Core.Model.Stepping;
using V = System.Runtime.Intrinsics.Vector256<float>;

namespace CharRnnLab.Core.Training;

/// <summary>
/// The element-wise part of one LSTM time step for <see cref="LstmLayerPass"/>, forward and backward,
/// one pass over each row, 8 units at a time. Done by libtorch this is ≈ 8 calls forward and ≈ 15
/// backward per step, each a full pass over a (B, H) block; here it is one. Gates are in PyTorch's
/// order i, f, g, o; a row is one stream (4H gates, H of everything else). σ and tanh are
/// <see cref="CellMath"/>'s. Units past the last multiple of 8 go through the same vector formulas one
/// lane at a time, so a row of any width is computed one way.
/// </summary>
internal static class LstmKernels
{
    /// <summary>
    /// Forward over B rows: <paramref name="gates"/> holds the pre-activations x·W_ihᵀ + h·W_hhᵀ + b
    /// (B, 4H) and is overwritten with i, f, g, o; c = f⊙c_prev + i⊙g, tanh c and h = o⊙tanh c (B, H).
    /// </summary>
    public static void Forward(Span<float> gates, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> tanhC, Span<float> h, int units)
    {
        int rows = c.Length / units;
        Require(gates.Length == 4 * c.Length && cPrev.Length == c.Length && tanhC.Length == c.Length && h.Length == c.Length);
        for (int b = 0; b < rows; b++)
        {
            var g4 = gates.Slice(4 * b * units, 4 * units);
            int at = b * units, u = 0;
            for (; u <= units - 8; u += 8) ForwardUnits<Eight>(g4, cPrev, c, tanhC, h, units, at, u);
            for (; u < units; u++) ForwardUnits<One>(g4, cPrev, c, tanhC, h, units, at, u);
        }
    }

    /// <summary>
    /// Backward over B rows. In: the activated gates (B, 4H), c_prev and tanh c (B, H), dL/dh of this
    /// step (<paramref name="dh"/>: from above plus from the next step) and dL/dc from the next step in
    /// <paramref name="dc"/>. Out: dL/d(pre-activations) in <paramref name="dGates"/> (B, 4H) and
    /// dL/dc_prev in <paramref name="dc"/> (in place).
    /// </summary>
    public static void Backward(ReadOnlySpan<float> gates, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> tanhC, ReadOnlySpan<float> dh,
        Span<float> dc, Span<float> dGates, int units)
    {
        int rows = dc.Length / units;
        Require(gates.Length == 4 * dc.Length && dGates.Length == gates.Length && cPrev.Length == dc.Length &&
                tanhC.Length == dc.Length && dh.Length == dc.Length);
        for (int b = 0; b < rows; b++)
        {
            var g4 = gates.Slice(4 * b * units, 4 * units);
            var d4 = dGates.Slice(4 * b * units, 4 * units);
            int at = b * units, u = 0;
            for (; u <= units - 8; u += 8) BackwardUnits<Eight>(g4, cPrev, tanhC, dh, dc, d4, units, at, u);
            for (; u < units; u++) BackwardUnits<One>(g4, cPrev, tanhC, dh, dc, d4, units, at, u);
        }
    }

    /// <summary>How many units one call handles: 8 (a whole vector) or 1 (a tail unit, in lane 0).
    /// A struct type argument, so the JIT specialises and inlines each.</summary>
    private interface ILanes
    {
        static abstract V Load(ref readonly float source, nuint at);
        static abstract void Store(V value, ref float target, nuint at);
    }

    private struct Eight : ILanes
    {
        public static V Load(ref readonly float source, nuint at) => Vector256.LoadUnsafe(in source, at);
        public static void Store(V value, ref float target, nuint at) => value.StoreUnsafe(ref target, at);
    }

    private struct One : ILanes
    {
        public static V Load(ref readonly float source, nuint at) => Vector256.Create(Unsafe.Add(ref Unsafe.AsRef(in source), at));
        public static void Store(V value, ref float target, nuint at) => Unsafe.Add(ref target, at) = value.ToScalar();
    }

    // i, f, o = σ(·), g = tanh(·); c = f⊙c_prev + i⊙g; h = o⊙tanh c.
    private static void ForwardUnits<L>(Span<float> g4, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> tanhC, Span<float> h,
        int n, int at, int u) where L : struct, ILanes
    {
        ref float gate = ref MemoryMarshal.GetReference(g4);
        var i = CellMath.Sigmoid(L.Load(ref gate, (nuint)u));
        var f = CellMath.Sigmoid(L.Load(ref gate, (nuint)(n + u)));
        var g = CellMath.Tanh(L.Load(ref gate, (nuint)(2 * n + u)));
        var o = CellMath.Sigmoid(L.Load(ref gate, (nuint)(3 * n + u)));
        var cell = f * L.Load(in MemoryMarshal.GetReference(cPrev), (nuint)(at + u)) + i * g;
        var t = CellMath.Tanh(cell);
        L.Store(i, ref gate, (nuint)u);
        L.Store(f, ref gate, (nuint)(n + u));
        L.Store(g, ref gate, (nuint)(2 * n + u));
        L.Store(o, ref gate, (nuint)(3 * n + u));
        L.Store(cell, ref MemoryMarshal.GetReference(c), (nuint)(at + u));
        L.Store(t, ref MemoryMarshal.GetReference(tanhC), (nuint)(at + u));
        L.Store(o * t, ref MemoryMarshal.GetReference(h), (nuint)(at + u));
    }

    // dc_t = dh⊙o⊙(1 − tanh²c) + dc_next; do = dh⊙tanh c⊙o(1 − o); di = dc_t⊙g⊙i(1 − i);
    // df = dc_t⊙c_prev⊙f(1 − f); dg = dc_t⊙i⊙(1 − g²); dc_prev = dc_t⊙f.
    private static void BackwardUnits<L>(ReadOnlySpan<float> g4, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> tanhC, ReadOnlySpan<float> dh,
        Span<float> dc, Span<float> d4, int n, int at, int u) where L : struct, ILanes
    {
        var one = V.One;
        ref readonly float gate = ref MemoryMarshal.GetReference(g4);
        var i = L.Load(in gate, (nuint)u);
        var f = L.Load(in gate, (nuint)(n + u));
        var g = L.Load(in gate, (nuint)(2 * n + u));
        var o = L.Load(in gate, (nuint)(3 * n + u));
        var t = L.Load(in MemoryMarshal.GetReference(tanhC), (nuint)(at + u));
        var grad = L.Load(in MemoryMarshal.GetReference(dh), (nuint)(at + u));
        ref float carried = ref MemoryMarshal.GetReference(dc);
        var dCell = grad * o * (one - t * t) + L.Load(in carried, (nuint)(at + u));
        ref float dGate = ref MemoryMarshal.GetReference(d4);
        L.Store(dCell * g * i * (one - i), ref dGate, (nuint)u);
        L.Store(dCell * L.Load(in MemoryMarshal.GetReference(cPrev), (nuint)(at + u)) * f * (one - f), ref dGate, (nuint)(n + u));
        L.Store(dCell * i * (one - g * g), ref dGate, (nuint)(2 * n + u));
        L.Store(grad * t * o * (one - o), ref dGate, (nuint)(3 * n + u));
        L.Store(dCell * f, ref carried, (nuint)(at + u));
    }

    private static void Require(bool lengthsFit)
    {
        if (!lengthsFit) throw new ArgumentException("LSTM step buffers do not have matching lengths.");
    }
}
