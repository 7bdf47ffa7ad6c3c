using System.Buffers.Binary;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

public sealed class ActivationEncodingTests
{
    [Fact]
    public void A_quantised_array_is_per_unit_ranges_then_one_byte_per_value_and_decodes_within_half_a_level()
    {
        const int rows = 50, columns = 3;
        var values = new float[rows * columns];
        for (int t = 0; t < rows; t++)
            for (int u = 0; u < columns; u++) values[t * columns + u] = (u + 1) * 10 * MathF.Sin(t * 0.37f);

        var block = ActivationEncoding.Quantize(values, rows, columns);

        Assert.Equal(8 * columns + rows * columns, block.Length);
        Assert.Equal(ActivationEncoding.QuantizedLength(rows, columns), block.Length);
        for (int u = 0; u < columns; u++)
        {
            float lo = BinaryPrimitives.ReadSingleLittleEndian(block.AsSpan(4 * u));
            float hi = BinaryPrimitives.ReadSingleLittleEndian(block.AsSpan(4 * (columns + u)));
            Assert.Equal(Enumerable.Range(0, rows).Min(t => values[t * columns + u]), lo);
            Assert.Equal(Enumerable.Range(0, rows).Max(t => values[t * columns + u]), hi);
            for (int t = 0; t < rows; t++)
                Assert.InRange(ActivationEncoding.Dequantize(block, rows, columns, t, u) - values[t * columns + u], -(hi - lo) / 509, (hi - lo) / 509);
        }
    }

    [Fact]
    public void A_constant_unit_and_non_finite_values_do_not_break_the_encoding()
    {
        float[] values = [2, float.NaN, 2, float.PositiveInfinity, 2, 5];

        var block = ActivationEncoding.Quantize(values, rows: 3, columns: 2);

        Assert.Equal(2f, ActivationEncoding.Dequantize(block, 3, 2, 1, 0));
        Assert.Equal(0, block[16 + 1]); // NaN → the lowest level
        Assert.Equal(5f, ActivationEncoding.Dequantize(block, 3, 2, 2, 1));
    }

    [Fact]
    public void Guesses_are_symbol_indices_then_probabilities_then_the_actual_next_symbols_probability()
    {
        var recording = SyntheticRecordings.Make("abcdefg\n").Recording;
        int n = recording.Characters, k = recording.Guesses.K;

        var bytes = ActivationEncoding.Guesses(recording.Guesses, n);

        Assert.Equal(4 * n * k + 2 * n, bytes.Length);
        Assert.Equal(ActivationEncoding.GuessesLength(n, k), bytes.Length);
        Assert.Equal(recording.Guesses.SymbolIndices[7], BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * 7)));
        Assert.Equal(Math.Round(recording.Guesses.Probabilities[7] * 65534),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * (n * k + 7))));
        Assert.Equal(16384, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4 * n * k))); // 0.25 × 65534, rounded
        Assert.Equal(ActivationEncoding.NoProbability, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4 * n * k + 2 * (n - 1))));
    }

    [Fact]
    public void A_units_blocks_follow_the_layers_then_the_kinds()
    {
        var recording = SyntheticRecordings.Make("hello world\n", layers: 2, units: 3).Recording;
        int n = recording.Characters;

        var bytes = ActivationEncoding.Unit(recording, unit: 2);

        var arrays = ActivationEncoding.Arrays(recording);
        Assert.Equal(2 * 7, arrays.Count);
        Assert.Equal((1, ActivationKind.Cell), arrays[7]);
        Assert.Equal(arrays.Count * (8 + n), bytes.Length);
        var block = bytes.AsSpan(7 * (8 + n), 8 + n).ToArray(); // layer 2, c
        float expected = SyntheticRecordings.Value(1, ActivationKind.Cell, 4, 2);
        float lo = BinaryPrimitives.ReadSingleLittleEndian(block), hi = BinaryPrimitives.ReadSingleLittleEndian(block.AsSpan(4));
        Assert.InRange(ActivationEncoding.Dequantize(block, n, 1, 4, 0), expected - (hi - lo) / 509, expected + (hi - lo) / 509);
    }
}
