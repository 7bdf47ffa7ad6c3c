using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary><see cref="PackedMatrix"/> in float32.</summary>
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyBlocks(ReadOnlySpan<float> x, Span<float> y, int first, int last)
    {
        if (Vector256.IsHardwareAccelerated) PackedKernels.One(new SingleWeights(_data), x, y, Bias, Columns, first, last);
        else MultiplyScalar(x, y, first, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void MultiplyBlocks(float[] x0, float[] x1, float[] y0, float[] y1, int first, int last)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            PackedKernels.Two(new SingleWeights(_data), x0, x1, y0, y1, Bias, Columns, first, last);
            return;
        }
        MultiplyScalar(x0, y0, first, last);
        MultiplyScalar(x1, y1, first, last);
    }
}
