using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Tests.Analysis.Recording;

/// <summary>The vectorised float16 conversions against .NET's scalar casts, which they replace.</summary>
public class HalfConversionTests
{
    [Fact]
    public void Widening_every_float16_bit_pattern_gives_the_scalar_cast()
    {
        var bits = Enumerable.Range(0, 1 << 16).Select(i => (ushort)i).ToArray();
        var values = new float[bits.Length];
        HalfConversion.ToSingle(bits, values);
        for (int i = 0; i < bits.Length; i++)
        {
            float expected = (float)BitConverter.UInt16BitsToHalf(bits[i]);
            if (float.IsNaN(expected)) Assert.True(float.IsNaN(values[i]), $"bits {i:X4}: expected NaN, got {values[i]}");
            else Assert.True(BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(values[i]),
                $"bits {i:X4}: expected {expected}, got {values[i]}");
        }
    }

    [Fact]
    public void Rounding_to_float16_gives_the_scalar_cast_at_ties_subnormals_overflow_and_random_values()
    {
        var values = Edges().Concat(RandomFloats(200_000)).ToArray();
        var bits = new ushort[values.Length];
        HalfConversion.ToHalf(values, bits);
        for (int i = 0; i < values.Length; i++)
        {
            var expected = (Half)values[i];
            if (Half.IsNaN(expected)) Assert.True(Half.IsNaN(BitConverter.UInt16BitsToHalf(bits[i])), $"{values[i]}: expected NaN");
            else Assert.True(BitConverter.HalfToUInt16Bits(expected) == bits[i],
                $"{values[i]:R} (bits {BitConverter.SingleToUInt32Bits(values[i]):X8}): expected {BitConverter.HalfToUInt16Bits(expected):X4}, got {bits[i]:X4}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(37)]
    public void Rows_of_any_length_round_trip_every_float16_value(int length)
    {
        var original = RandomFloats(length).Select(v => (float)(Half)v).ToArray();
        var bits = new ushort[length];
        var back = new float[length];
        HalfConversion.ToHalf(original, bits);
        HalfConversion.ToSingle(bits, back);
        Assert.Equal(original, back);
    }

    // Every float16 value, the midpoints between neighbours (ties go to even) and one float32 step
    // either side of them, ±0, the subnormal range, the overflow threshold, ∞ and NaN.
    private static IEnumerable<float> Edges()
    {
        for (int i = 0; i < 0x7C00; i++)
        {
            float low = (float)BitConverter.UInt16BitsToHalf((ushort)i), high = (float)BitConverter.UInt16BitsToHalf((ushort)(i + 1));
            float middle = (low + high) / 2; // exact: a float16 midpoint needs 12 significant bits
            foreach (float v in new[] { low, middle, MathF.BitDecrement(middle), MathF.BitIncrement(middle) })
            {
                yield return v;
                yield return -v;
            }
        }
        foreach (float v in new[] { 65504f, 65519.99f, 65520f, 65536f, 1e10f, float.MaxValue, float.PositiveInfinity, float.NaN, 1e-30f, float.Epsilon })
        {
            yield return v;
            yield return -v;
        }
    }

    private static IEnumerable<float> RandomFloats(int count)
    {
        var random = new Random(5);
        for (int i = 0; i < count; i++)
            yield return BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)) is var v && float.IsFinite(v) && Math.Abs(v) < 1e6f
                ? v : (float)(random.NextDouble() * 200 - 100);
    }
}
