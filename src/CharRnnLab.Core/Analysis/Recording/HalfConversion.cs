using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using U = System.Runtime.Intrinsics.Vector256<uint>;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// float32 ↔ IEEE float16 bits for whole rows, 16 values at a time: the same results as the
/// scalar casts <c>(Half)f</c> and <c>(float)h</c> (round to nearest even, subnormals, ±∞, NaN
/// stays NaN), several times faster. .NET exposes no F16C intrinsics, so these are the
/// integer formulations of F. Giesen's float_to_half_fast3_rtne and half_to_float.
/// A recording converts every kept value once, so the scalar cast would cost about a second
/// per 100k characters of 2×512.
/// </summary>
internal static class HalfConversion
{
    private const uint HalfMaxBound = (127 + 16) << 23; // 65536f: at or above it a half is ∞ (or NaN)
    private const uint SmallestNormal = 113 << 23;      // 2⁻¹⁴: below it a half is subnormal
    private const uint SubnormalMagic = 126 << 23;      // 0.5f: adding it rounds the subnormal bits into place
    private const uint Rebias = unchecked((uint)(15 - 127) << 23);
    private const uint InfinityBits = 0x7F80_0000;

    /// <summary>Rounds each value to the nearest float16 and writes its bits.</summary>
    public static void ToHalf(ReadOnlySpan<float> values, Span<ushort> bits)
    {
        Require(values.Length == bits.Length);
        ref uint source = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<float, uint>(values));
        ref ushort target = ref MemoryMarshal.GetReference(bits);
        int i = 0;
        for (; i <= values.Length - 16; i += 16)
            Vector256.Narrow(ToHalf(Vector256.LoadUnsafe(ref source, (nuint)i)), ToHalf(Vector256.LoadUnsafe(ref source, (nuint)(i + 8))))
                .StoreUnsafe(ref target, (nuint)i);
        for (; i < values.Length; i++) bits[i] = BitConverter.HalfToUInt16Bits((Half)values[i]);
    }

    /// <summary>Widens float16 bits to the float32 values they stand for (exactly).</summary>
    public static void ToSingle(ReadOnlySpan<ushort> bits, Span<float> values)
    {
        Require(values.Length == bits.Length);
        ref ushort source = ref MemoryMarshal.GetReference(bits);
        ref uint target = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<float, uint>(values));
        int i = 0;
        for (; i <= values.Length - 16; i += 16)
        {
            var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref source, (nuint)i));
            ToSingle(lower).StoreUnsafe(ref target, (nuint)i);
            ToSingle(upper).StoreUnsafe(ref target, (nuint)(i + 8));
        }
        for (; i < values.Length; i++) values[i] = ToSingle(bits[i]);
    }

    /// <summary>One value, the scalar way (the cast the vector formulas are tested against).</summary>
    public static float ToSingle(ushort bits) => (float)BitConverter.UInt16BitsToHalf(bits);

    // 8 float32 bit patterns → 8 half bit patterns in the low 16 bits of each lane.
    private static U ToHalf(U f)
    {
        U sign = f & Vector256.Create(0x8000_0000u);
        f ^= sign;
        U overflow = Vector256.ConditionalSelect(Vector256.GreaterThan(f, Vector256.Create(InfinityBits)),
            Vector256.Create(0x7E00u), Vector256.Create(0x7C00u));
        U subnormal = (f.AsSingle() + Vector256.Create(SubnormalMagic).AsSingle()).AsUInt32() - Vector256.Create(SubnormalMagic);
        U odd = Vector256.ShiftRightLogical(f, 13) & Vector256<uint>.One;
        U normal = Vector256.ShiftRightLogical(f + Vector256.Create(Rebias + 0xFFF) + odd, 13);
        U half = Vector256.ConditionalSelect(Vector256.LessThan(f, Vector256.Create(SmallestNormal)), subnormal, normal);
        half = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(f, Vector256.Create(HalfMaxBound)), overflow, half);
        return half | Vector256.ShiftRightLogical(sign, 16);
    }

    // 8 half bit patterns (zero-extended) → 8 float32 bit patterns.
    private static U ToSingle(U h)
    {
        U shiftedExponent = Vector256.Create(0x7C00u << 13);
        U o = Vector256.ShiftLeft(h & Vector256.Create(0x7FFFu), 13);
        U exponent = o & shiftedExponent;
        o += Vector256.Create(unchecked((uint)(127 - 15) << 23));
        o += Vector256.Equals(exponent, shiftedExponent) & Vector256.Create((uint)(128 - 16) << 23); // ∞ and NaN
        U subnormal = ((o + Vector256.Create(1u << 23)).AsSingle() - Vector256.Create(SmallestNormal).AsSingle()).AsUInt32();
        o = Vector256.ConditionalSelect(Vector256.Equals(exponent, U.Zero), subnormal, o);
        return o | Vector256.ShiftLeft(h & Vector256.Create(0x8000u), 16);
    }

    private static void Require(bool lengthsFit)
    {
        if (!lengthsFit) throw new ArgumentException("A half-precision row and its float row differ in length.");
    }
}
