using System.Buffers;
using System.Runtime.CompilerServices;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyBlocks(ReadOnlySpan<float> x, Span<float> y, int first, int last)
    {
        if (!Avx2.IsSupported)
        {
            MultiplyScalar(x, y, first, last);
            return;
        }
        var scaled = Scaled(x);
        try { PackedKernels.One(new HalfWeights(_data), scaled.AsSpan(0, Columns), y, Bias, Columns, first, last); }
        finally { ArrayPool<float>.Shared.Return(scaled); }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyBlocks(float[] x0, float[] x1, float[] y0, float[] y1, int first, int last)
    {
        if (!Avx2.IsSupported)
        {
            MultiplyScalar(x0, y0, first, last);
            MultiplyScalar(x1, y1, first, last);
            return;
        }
        float[] s0 = Scaled(x0), s1 = Scaled(x1);
        try { PackedKernels.Two(new HalfWeights(_data), s0, s1, y0, y1, Bias, Columns, first, last); }
        finally
        {
            ArrayPool<float>.Shared.Return(s0);
            ArrayPool<float>.Shared.Return(s1);
        }
    }

    /// <summary>x · 2^112 in a pooled array (see the class comment).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float[] Scaled(ReadOnlySpan<float> x)
    {
        var scaled = ArrayPool<float>.Shared.Rent(Columns);
        for (int c = 0; c < Columns; c++) scaled[c] = x[c] * Rebias;
        return scaled;
    }
}
