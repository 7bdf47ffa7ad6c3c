using System.Runtime.CompilerServices;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary>
/// A row-major (slabs·rows, cols) weight matrix and its bias, packed for batch-1 matrix-vector
/// products. Why: a plain row-by-row dot product is bound by the latency of one accumulator and
/// re-reads x for every row; here four rows share each load of x, with four independent
/// accumulators, and memory is read strictly in order.
/// <para>
/// Layout: each slab (one gate's H rows) is padded to <see cref="SlabRows"/> (a multiple of 8)
/// and the columns to <see cref="Columns"/> (a multiple of 8), padding zero. Padded row R belongs
/// to block R / 4; within a block, column chunk k (8 columns) holds the block's 4 rows one after
/// another: value (R, c) is at R/4·4·Columns + c/8·32 + R%4·8 + c%8.
/// </para>
/// </summary>
internal abstract class PackedMatrix
{
    protected PackedMatrix(int slabs, int rowsPerSlab, int columns, float[] bias)
    {
        Slabs = slabs;
        RowsPerSlab = rowsPerSlab;
        SlabRows = RoundUp(rowsPerSlab, 8);
        Columns = RoundUp(columns, 8);
        Bias = new float[slabs * SlabRows];
        for (int s = 0; s < slabs; s++) Array.Copy(bias, s * rowsPerSlab, Bias, s * SlabRows, rowsPerSlab);
    }

    public int Slabs { get; }
    public int RowsPerSlab { get; }
    public int SlabRows { get; }
    public int Columns { get; }
    protected float[] Bias { get; }

    /// <summary>Float16 when asked and every weight fits half precision's range; float32 otherwise.</summary>
    public static PackedMatrix Create(float[] weight, float[] bias, int slabs, int rowsPerSlab, int columns, WeightPrecision precision) =>
        precision == WeightPrecision.Float16 && weight.All(w => MathF.Abs(w) <= HalfPackedMatrix.MaxMagnitude)
            ? new HalfPackedMatrix(weight, bias, slabs, rowsPerSlab, columns)
            : new SinglePackedMatrix(weight, bias, slabs, rowsPerSlab, columns);

    /// <summary>
    /// y[s·SlabRows + r] = W·x + b for rows r in [<paramref name="from"/>, <paramref name="to"/>) of
    /// every slab s; both multiples of 4 within [0, SlabRows]. x has <see cref="Columns"/> entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(ReadOnlySpan<float> x, Span<float> y, int from, int to)
    {
        for (int s = 0; s < Slabs; s++)
        {
            int first = s * SlabRows;
            MultiplyBlocks(x, y, (first + from) / 4, (first + to) / 4);
        }
    }

    /// <summary>
    /// <see cref="Multiply(ReadOnlySpan{float}, Span{float}, int, int)"/> for several vectors: ys[v] = W·xs[v] + b. Vectors go through the
    /// weights two at a time, so each weight is read (and widened) once per pair; each vector's
    /// arithmetic is the single-vector kernel's, in the same order, so the results are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(float[][] xs, float[][] ys, int from, int to)
    {
        for (int s = 0; s < Slabs; s++)
        {
            int first = (s * SlabRows + from) / 4, last = (s * SlabRows + to) / 4;
            int v = 0;
            for (; v + 1 < xs.Length; v += 2) MultiplyBlocks(xs[v], xs[v + 1], ys[v], ys[v + 1], first, last);
            if (v < xs.Length) MultiplyBlocks(xs[v], ys[v], first, last);
        }
    }

    /// <summary>y[4b + j] = row 4b + j · x + bias for blocks b in [first, last).</summary>
    protected abstract void MultiplyBlocks(ReadOnlySpan<float> x, Span<float> y, int first, int last);

    /// <summary>The same for two vectors in one pass over the weights.</summary>
    protected abstract void MultiplyBlocks(float[] x0, float[] x1, float[] y0, float[] y1, int first, int last);

    /// <summary><see cref="Multiply(ReadOnlySpan{float}, Span{float}, int, int)"/> by the plain loop over the stored values: the tests' reference.</summary>
    internal void MultiplyReference(ReadOnlySpan<float> x, Span<float> y, int from, int to)
    {
        for (int s = 0; s < Slabs; s++) MultiplyScalar(x, y, (s * SlabRows + from) / 4, (s * SlabRows + to) / 4);
    }

    /// <summary>The plain loop for blocks [first, last): the fallback without 256-bit SIMD.</summary>
    protected void MultiplyScalar(ReadOnlySpan<float> x, Span<float> y, int first, int last)
    {
        for (int r = first * 4; r < last * 4; r++)
        {
            float sum = 0;
            for (int c = 0; c < Columns; c++) sum += Value(r, c) * x[c];
            y[r] = sum + Bias[r];
        }
    }

    /// <summary>The stored weight at padded row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    protected abstract float Value(int row, int column);

    /// <summary>Where (padded row, column) lives in the packed array.</summary>
    protected int Offset(int row, int column) => row / 4 * 4 * Columns + column / 8 * 32 + row % 4 * 8 + column % 8;

    /// <summary>Packs <paramref name="weight"/> with <paramref name="store"/>(offset, value) for every real entry.</summary>
    protected void Pack(float[] weight, int columns, Action<int, float> store)
    {
        for (int s = 0; s < Slabs; s++)
            for (int r = 0; r < RowsPerSlab; r++)
                for (int c = 0; c < columns; c++)
                    store(Offset(s * SlabRows + r, c), weight[(s * RowsPerSlab + r) * columns + c]);
    }

    protected int PackedLength => Slabs * SlabRows * Columns;

    public static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
