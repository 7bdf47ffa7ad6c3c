using CharRnnLab.Core.Model.Stepping;

namespace CharRnnLab.Core.Tests.Model.Stepping;

public class PackedMatrixTests
{
    [Theory]
    [InlineData(WeightPrecision.Float32, 1, 5, 3)]
    [InlineData(WeightPrecision.Float32, 4, 13, 21)]
    [InlineData(WeightPrecision.Float16, 4, 13, 21)]
    [InlineData(WeightPrecision.Float16, 3, 64, 64)]
    public void The_simd_kernel_equals_the_plain_loop_and_the_row_major_product(WeightPrecision precision, int slabs, int rows, int columns)
    {
        var random = new Random(1);
        float[] weight = Draw(random, slabs * rows * columns), bias = Draw(random, slabs * rows);
        var matrix = PackedMatrix.Create(weight, bias, slabs, rows, columns, precision);
        float[] x = new float[matrix.Columns];
        Draw(random, columns).CopyTo(x, 0);
        float[] fast = new float[slabs * matrix.SlabRows], plain = new float[fast.Length];

        matrix.Multiply(x, fast, 0, matrix.SlabRows);
        matrix.MultiplyReference(x, plain, 0, matrix.SlabRows);

        float tolerance = precision == WeightPrecision.Float32 ? 1e-5f : 2e-3f;
        for (int s = 0; s < slabs; s++)
            for (int r = 0; r < rows; r++)
            {
                int i = s * matrix.SlabRows + r;
                Assert.Equal(plain[i], fast[i], 1e-5f);
                float exact = bias[s * rows + r];
                for (int c = 0; c < columns; c++) exact += weight[(s * rows + r) * columns + c] * x[c];
                Assert.Equal(exact, fast[i], tolerance);
            }
    }

    [Fact]
    public void Half_precision_stores_each_weight_rounded_to_the_nearest_half()
    {
        float[] weight = [0.1f, -0.3333f, 1e-6f, -2.5f, 1000.123f, 0f, 0.044f, -6e-5f];
        var matrix = PackedMatrix.Create(weight, new float[1], 1, 1, weight.Length, WeightPrecision.Float16);
        float[] y = new float[matrix.SlabRows];
        for (int c = 0; c < weight.Length; c++)
        {
            float[] unit = new float[matrix.Columns];
            unit[c] = 1;
            matrix.Multiply(unit, y, 0, matrix.SlabRows);
            float expected = MathF.Abs(weight[c]) < 6.1035156e-5f ? 0 : (float)(Half)weight[c]; // subnormals flushed
            Assert.Equal(expected, y[0]);
        }
    }

    [Fact]
    public void Weights_beyond_the_half_range_stay_float32()
    {
        var matrix = PackedMatrix.Create([70000f, 1f], [0f], 1, 1, 2, WeightPrecision.Float16);

        Assert.IsType<SinglePackedMatrix>(matrix);
    }

    private static float[] Draw(Random random, int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
}
