using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary>Reads 8 packed weights as float32 (a struct, so the generic kernels specialise and inline it).</summary>
internal interface IPackedWeights
{
    Vector256<float> Load(nuint at);
}

/// <summary>float32 weights as stored.</summary>
internal readonly struct SingleWeights(float[] data) : IPackedWeights
{
    public Vector256<float> Load(nuint at) => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(data), at);
}

/// <summary>Half-precision weights widened to float32 scaled by 2^−112 (see <see cref="HalfPackedMatrix"/>).</summary>
/// <remarks>The mask is created inline, not read from a static field: as a constant the JIT keeps it in a
/// register across the kernel's loop, while a static readonly vector cost 2.5× the whole kernel's time
/// (measured against float32 in one process: 1,000 vs 2,500 matrix-vector products per second).</remarks>
internal readonly struct HalfWeights(short[] data) : IPackedWeights
{
    public Vector256<float> Load(nuint at) =>
        (Avx2.ShiftLeftLogical(Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(data), at)), 13)
            & Vector256.Create(unchecked((int)0x8FFFE000))).AsSingle();
}

/// <summary>
/// The SIMD matrix-vector kernels over <see cref="PackedMatrix"/>'s layout: per block of 4 rows,
/// 4 accumulators per vector, one load of each x chunk shared by the 4 rows. The two-vector kernel
/// does each vector's arithmetic exactly as the one-vector kernel does, so results are bit-identical.
/// <para>
/// Both are compiled fully optimised at once (AggressiveOptimization) rather than tiered: in a busy
/// server the tier-up of a kernel waits until the process stops compiling new methods, and until then
/// the unoptimised kernel made a cold 500-character sample at 2×512 take 300–750 ms instead of ≈ 200
/// (one thread, measured in one process). Tiered PGO adds nothing to these loops.
/// </para>
/// </summary>
internal static class PackedKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void One<TW>(TW w, ReadOnlySpan<float> x, Span<float> y, float[] bias, int columns, int first, int last)
        where TW : struct, IPackedWeights
    {
        ref float xs = ref MemoryMarshal.GetReference(x);
        int chunks = columns / 8;
        for (int b = first; b < last; b++)
        {
            nuint at = (nuint)b * 4 * (nuint)columns;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int k = 0; k < chunks; k++, at += 32)
            {
                var xv = Vector256.LoadUnsafe(ref xs, (nuint)k * 8);
                a0 = Vector256.FusedMultiplyAdd(w.Load(at), xv, a0);
                a1 = Vector256.FusedMultiplyAdd(w.Load(at + 8), xv, a1);
                a2 = Vector256.FusedMultiplyAdd(w.Load(at + 16), xv, a2);
                a3 = Vector256.FusedMultiplyAdd(w.Load(at + 24), xv, a3);
            }
            Store(y, bias, b * 4, a0, a1, a2, a3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Two<TW>(TW w, float[] x0, float[] x1, float[] y0, float[] y1, float[] bias, int columns, int first, int last)
        where TW : struct, IPackedWeights
    {
        ref float xa = ref MemoryMarshal.GetArrayDataReference(x0);
        ref float xb = ref MemoryMarshal.GetArrayDataReference(x1);
        int chunks = columns / 8;
        for (int b = first; b < last; b++)
        {
            nuint at = (nuint)b * 4 * (nuint)columns;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
            for (int k = 0; k < chunks; k++, at += 32)
            {
                var va = Vector256.LoadUnsafe(ref xa, (nuint)k * 8);
                var vb = Vector256.LoadUnsafe(ref xb, (nuint)k * 8);
                var w0 = w.Load(at);
                a0 = Vector256.FusedMultiplyAdd(w0, va, a0);
                b0 = Vector256.FusedMultiplyAdd(w0, vb, b0);
                var w1 = w.Load(at + 8);
                a1 = Vector256.FusedMultiplyAdd(w1, va, a1);
                b1 = Vector256.FusedMultiplyAdd(w1, vb, b1);
                var w2 = w.Load(at + 16);
                a2 = Vector256.FusedMultiplyAdd(w2, va, a2);
                b2 = Vector256.FusedMultiplyAdd(w2, vb, b2);
                var w3 = w.Load(at + 24);
                a3 = Vector256.FusedMultiplyAdd(w3, va, a3);
                b3 = Vector256.FusedMultiplyAdd(w3, vb, b3);
            }
            Store(y0, bias, b * 4, a0, a1, a2, a3);
            Store(y1, bias, b * 4, b0, b1, b2, b3);
        }
    }

    /// <summary>The four sums of a block's accumulators, plus bias, into y[r…r+3].</summary>
    private static void Store(Span<float> y, float[] bias, int r, Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3)
    {
        y[r] = Vector256.Sum(a0) + bias[r];
        y[r + 1] = Vector256.Sum(a1) + bias[r + 1];
        y[r + 2] = Vector256.Sum(a2) + bias[r + 2];
        y[r + 3] = Vector256.Sum(a3) + bias[r + 3];
    }
}
