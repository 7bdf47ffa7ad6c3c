using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary>
/// <see cref="PackedMatrix"/> in IEEE half precision: half the bytes of float32 to stream per step.
/// <para>
/// Widening without F16C (.NET exposes no F16C intrinsics): a half's bits h, sign-extended to 32
/// bits, shifted left 13 and masked with 0x8FFFE000, are a float32 with h's sign, exponent and
/// mantissa in place but an exponent bias of 15 instead of 127, i.e. the half's value times
/// 2^−112 — three AVX2 instructions per 8 weights. x is scaled by 2^112 instead (|x| &lt; 2^15
/// keeps that finite), so each product is exact. Half subnormals (|w| &lt; 6.1e−5) are stored as
/// zero so that no float32 denormal ever reaches the multiplier; the error that adds is below the
/// rounding error of the weights themselves at the sizes trained here.
/// </para>
/// </summary>
internal sealed class HalfPackedMatrix : PackedMatrix
{
    /// <summary>Largest finite half.</summary>
    public const float MaxMagnitude = 65504f;
    private const float SmallestNormal = 6.1035156e-5f; // 2^−14
    private const float Rebias = 5.192297e33f;          // 2^112
    private readonly short[] _data;

    public HalfPackedMatrix(float[] weight, float[] bias, int slabs, int rowsPerSlab, int columns)
        : base(slabs, rowsPerSlab, columns, bias)
    {
        _data = new short[PackedLength];
        Pack(weight, columns, (offset, value) =>
            _data[offset] = BitConverter.HalfToInt16Bits(MathF.Abs(value) < SmallestNormal ? (Half)0f : (Half)value));
    }

    protected override float Value(int row, int column) => (float)BitConverter.Int16BitsToHalf(_data[Offset(row, column)]);

    protected override void MultiplyBlocks(ReadOnlySpan<float> x, Span<float> y, int first, int last)
    {
        if (!Avx2.IsSupported)
        {
            MultiplyScalar(x, y, first, last);
            return;
        }
        var scaled = Scaled(x);
        try { Kernel(scaled, y, first, last); }
        finally { ArrayPool<float>.Shared.Return(scaled); }
    }

    protected override void MultiplyBlocks(float[] x0, float[] x1, float[] y0, float[] y1, int first, int last)
    {
        if (!Avx2.IsSupported)
        {
            MultiplyScalar(x0, y0, first, last);
            MultiplyScalar(x1, y1, first, last);
            return;
        }
        float[] s0 = Scaled(x0), s1 = Scaled(x1);
        try { Kernel(s0, s1, y0, y1, first, last); }
        finally
        {
            ArrayPool<float>.Shared.Return(s0);
            ArrayPool<float>.Shared.Return(s1);
        }
    }

    /// <summary>x · 2^112 in a pooled array (see the class comment).</summary>
    private float[] Scaled(ReadOnlySpan<float> x)
    {
        var scaled = ArrayPool<float>.Shared.Rent(Columns);
        for (int c = 0; c < Columns; c++) scaled[c] = x[c] * Rebias;
        return scaled;
    }

    private void Kernel(float[] x, Span<float> y, int first, int last)
    {
        ref short w = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float xs = ref MemoryMarshal.GetArrayDataReference(x);
        var mask = Vector256.Create(unchecked((int)0x8FFFE000));
        int chunks = Columns / 8;
        for (int b = first; b < last; b++)
        {
            nuint at = (nuint)b * 4 * (nuint)Columns;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int k = 0; k < chunks; k++, at += 32)
            {
                var xv = Vector256.LoadUnsafe(ref xs, (nuint)k * 8);
                a0 = Vector256.FusedMultiplyAdd(Widen(ref w, at, mask), xv, a0);
                a1 = Vector256.FusedMultiplyAdd(Widen(ref w, at + 8, mask), xv, a1);
                a2 = Vector256.FusedMultiplyAdd(Widen(ref w, at + 16, mask), xv, a2);
                a3 = Vector256.FusedMultiplyAdd(Widen(ref w, at + 24, mask), xv, a3);
            }
            Store(y, b * 4, a0, a1, a2, a3);
        }
    }

    private void Kernel(float[] x0, float[] x1, float[] y0, float[] y1, int first, int last)
    {
        ref short w = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float xa = ref MemoryMarshal.GetArrayDataReference(x0);
        ref float xb = ref MemoryMarshal.GetArrayDataReference(x1);
        var mask = Vector256.Create(unchecked((int)0x8FFFE000));
        int chunks = Columns / 8;
        for (int b = first; b < last; b++)
        {
            nuint at = (nuint)b * 4 * (nuint)Columns;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
            for (int k = 0; k < chunks; k++, at += 32)
            {
                var va = Vector256.LoadUnsafe(ref xa, (nuint)k * 8);
                var vb = Vector256.LoadUnsafe(ref xb, (nuint)k * 8);
                var w0 = Widen(ref w, at, mask);
                a0 = Vector256.FusedMultiplyAdd(w0, va, a0);
                b0 = Vector256.FusedMultiplyAdd(w0, vb, b0);
                var w1 = Widen(ref w, at + 8, mask);
                a1 = Vector256.FusedMultiplyAdd(w1, va, a1);
                b1 = Vector256.FusedMultiplyAdd(w1, vb, b1);
                var w2 = Widen(ref w, at + 16, mask);
                a2 = Vector256.FusedMultiplyAdd(w2, va, a2);
                b2 = Vector256.FusedMultiplyAdd(w2, vb, b2);
                var w3 = Widen(ref w, at + 24, mask);
                a3 = Vector256.FusedMultiplyAdd(w3, va, a3);
                b3 = Vector256.FusedMultiplyAdd(w3, vb, b3);
            }
            Store(y0, b * 4, a0, a1, a2, a3);
            Store(y1, b * 4, b0, b1, b2, b3);
        }
    }

    /// <summary>8 halves → 8 floats scaled by 2^−112 (see the class comment).</summary>
    private static Vector256<float> Widen(ref short w, nuint at, Vector256<int> mask) =>
        (Avx2.ShiftLeftLogical(Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref w, at)), 13) & mask).AsSingle();
}
