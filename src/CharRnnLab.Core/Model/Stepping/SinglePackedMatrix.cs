using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary><see cref="PackedMatrix"/> in float32: four rows, four accumulators, one load of x per chunk.</summary>
internal sealed class SinglePackedMatrix : PackedMatrix
{
    private readonly float[] _data;

    public SinglePackedMatrix(float[] weight, float[] bias, int slabs, int rowsPerSlab, int columns)
        : base(slabs, rowsPerSlab, columns, bias)
    {
        _data = new float[PackedLength];
        Pack(weight, columns, (offset, value) => _data[offset] = value);
    }

    protected override float Value(int row, int column) => _data[Offset(row, column)];

    protected override void MultiplyBlocks(ReadOnlySpan<float> x, Span<float> y, int first, int last)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            MultiplyScalar(x, y, first, last);
            return;
        }
        ref float w = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float xs = ref MemoryMarshal.GetReference(x);
        int chunks = Columns / 8;
        for (int b = first; b < last; b++)
        {
            nuint at = (nuint)b * 4 * (nuint)Columns;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int k = 0; k < chunks; k++, at += 32)
            {
                var xv = Vector256.LoadUnsafe(ref xs, (nuint)k * 8);
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, at), xv, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, at + 8), xv, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, at + 16), xv, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, at + 24), xv, a3);
            }
            Store(y, b * 4, a0, a1, a2, a3);
        }
    }

    protected override void MultiplyBlocks(float[] x0, float[] x1, float[] y0, float[] y1, int first, int last)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            MultiplyBlocks(x0, y0, first, last);
            MultiplyBlocks(x1, y1, first, last);
            return;
        }
        ref float w = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float xa = ref MemoryMarshal.GetArrayDataReference(x0);
        ref float xb = ref MemoryMarshal.GetArrayDataReference(x1);
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
                var w0 = Vector256.LoadUnsafe(ref w, at);
                var w1 = Vector256.LoadUnsafe(ref w, at + 8);
                var w2 = Vector256.LoadUnsafe(ref w, at + 16);
                var w3 = Vector256.LoadUnsafe(ref w, at + 24);
                a0 = Vector256.FusedMultiplyAdd(w0, va, a0);
                b0 = Vector256.FusedMultiplyAdd(w0, vb, b0);
                a1 = Vector256.FusedMultiplyAdd(w1, va, a1);
                b1 = Vector256.FusedMultiplyAdd(w1, vb, b1);
                a2 = Vector256.FusedMultiplyAdd(w2, va, a2);
                b2 = Vector256.FusedMultiplyAdd(w2, vb, b2);
                a3 = Vector256.FusedMultiplyAdd(w3, va, a3);
                b3 = Vector256.FusedMultiplyAdd(w3, vb, b3);
            }
            Store(y0, b * 4, a0, a1, a2, a3);
            Store(y1, b * 4, b0, b1, b2, b3);
        }
    }
}
