using System.Numerics;
using System.Runtime.InteropServices;

namespace CharRnnLab.Core.Numerics;

/// <summary>SIMD dot products shared by the managed model step and the analyses.</summary>
internal static class VectorMath
{
    /// <summary>Σ a[i]·b[i] in float: SIMD lanes, then the scalar tail.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var lanes = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b[..a.Length]);
        for (int k = 0; k < va.Length; k++) lanes += va[k] * vb[k];
        float total = Vector.Dot(lanes, Vector<float>.One);
        for (int i = va.Length * Vector<float>.Count; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    /// <summary>Σ a[i]·b[i] for long arrays: float SIMD within blocks of 4096, double across blocks.</summary>
    public static double BlockedDot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        const int block = 4096;
        double total = 0;
        for (int start = 0; start < a.Length; start += block)
        {
            int length = Math.Min(block, a.Length - start);
            total += Dot(a.Slice(start, length), b.Slice(start, length));
        }
        return total;
    }
}
