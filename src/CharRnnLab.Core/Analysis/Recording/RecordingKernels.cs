using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CharRnnLab.Core.Model.Stepping;
using V = System.Runtime.Intrinsics.Vector256<float>;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// The gate math of one stream's step for <see cref="FusedLayer"/>: one pass over a row, 8 units
/// at a time, reading the pre-activations x·W_ihᵀ + h·W_hhᵀ + b and writing every value the step
/// produces straight to where it is kept. The formulas are PyTorch's (see <see cref="RecurrentLayer"/>);
/// σ and tanh are <see cref="CellMath"/>'s. Units past the last multiple of 8 go through the same
/// vector formulas one lane at a time, so a row of any width is computed one way.
/// <para>
/// An output row may be the input row's own block (a value nobody keeps is activated in place).
/// Every element is read before it is written, so that aliasing is safe.
/// </para>
/// </summary>
internal static class RecordingKernels
{
    /// <summary>
    /// LSTM, before any edit of c: i, f, o = σ(·), g = tanh(·) from <paramref name="pre"/> (4H,
    /// gates in PyTorch's order i, f, g, o) into their rows; c ← f⊙c + i⊙g in place (H).
    /// </summary>
    public static void LstmCell(ReadOnlySpan<float> pre, Span<float> i, Span<float> f, Span<float> g, Span<float> o, Span<float> c)
    {
        int n = c.Length;
        Require(pre.Length == 4 * n && i.Length == n && f.Length == n && g.Length == n && o.Length == n);
        ref float p = ref MemoryMarshal.GetReference(pre);
        int u = 0;
        for (; u <= n - 8; u += 8)
        {
            var (vi, vf, vg, vo, vc) = Cell(Load(ref p, u), Load(ref p, n + u), Load(ref p, 2 * n + u), Load(ref p, 3 * n + u), Load(c, u));
            Store(vi, i, u); Store(vf, f, u); Store(vg, g, u); Store(vo, o, u); Store(vc, c, u);
        }
        for (; u < n; u++)
        {
            var (vi, vf, vg, vo, vc) = Cell(Vector256.Create(pre[u]), Vector256.Create(pre[n + u]), Vector256.Create(pre[2 * n + u]), Vector256.Create(pre[3 * n + u]), Vector256.Create(c[u]));
            (i[u], f[u], g[u], o[u], c[u]) = (vi.ToScalar(), vf.ToScalar(), vg.ToScalar(), vo.ToScalar(), vc.ToScalar());
        }
    }

    /// <summary>LSTM, after any edit of c: tanh c and h = o⊙tanh c (all rows H).</summary>
    public static void LstmOutput(ReadOnlySpan<float> o, ReadOnlySpan<float> c, Span<float> tanhC, Span<float> h)
    {
        int n = c.Length;
        Require(o.Length == n && tanhC.Length == n && h.Length == n);
        int u = 0;
        for (; u <= n - 8; u += 8)
        {
            var t = CellMath.Tanh(Load(c, u));
            Store(t, tanhC, u);
            Store(Load(o, u) * t, h, u);
        }
        for (; u < n; u++)
        {
            var t = CellMath.Tanh(Vector256.Create(c[u]));
            (tanhC[u], h[u]) = (t.ToScalar(), (Vector256.Create(o[u]) * t).ToScalar());
        }
    }

    /// <summary>
    /// GRU: r, z = σ(pre + rec), n = tanh(pre_n + r⊙rec_n), h' = (1 − z)⊙n + z⊙h. <paramref name="pre"/>
    /// is x·W_ihᵀ + b_ih and <paramref name="recurrent"/> h·W_hhᵀ + b_hh (3H each, order r, z, n).
    /// </summary>
    public static void Gru(ReadOnlySpan<float> pre, ReadOnlySpan<float> recurrent, ReadOnlySpan<float> hOld,
        Span<float> r, Span<float> z, Span<float> newGate, Span<float> h)
    {
        int n = h.Length;
        Require(pre.Length == 3 * n && recurrent.Length == 3 * n && hOld.Length == n && r.Length == n && z.Length == n && newGate.Length == n);
        ref float p = ref MemoryMarshal.GetReference(pre);
        ref float q = ref MemoryMarshal.GetReference(recurrent);
        int u = 0;
        for (; u <= n - 8; u += 8)
        {
            var (vr, vz, vn, vh) = GruCell(Load(ref p, u) + Load(ref q, u), Load(ref p, n + u) + Load(ref q, n + u),
                Load(ref p, 2 * n + u), Load(ref q, 2 * n + u), Load(hOld, u));
            Store(vr, r, u); Store(vz, z, u); Store(vn, newGate, u); Store(vh, h, u);
        }
        for (; u < n; u++)
        {
            var (vr, vz, vn, vh) = GruCell(Vector256.Create(pre[u] + recurrent[u]), Vector256.Create(pre[n + u] + recurrent[n + u]),
                Vector256.Create(pre[2 * n + u]), Vector256.Create(recurrent[2 * n + u]), Vector256.Create(hOld[u]));
            (r[u], z[u], newGate[u], h[u]) = (vr.ToScalar(), vz.ToScalar(), vn.ToScalar(), vh.ToScalar());
        }
    }

    /// <summary>Vanilla RNN: h = tanh(pre), pre = x·W_ihᵀ + h·W_hhᵀ + b (H).</summary>
    public static void Rnn(ReadOnlySpan<float> pre, Span<float> h) => Tanh(pre, h);

    /// <summary>y = tanh(x), elementwise; y may be x itself (also how tanh c is derived on read).</summary>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> y)
    {
        int n = y.Length;
        Require(x.Length == n);
        int u = 0;
        for (; u <= n - 8; u += 8) Store(CellMath.Tanh(Load(x, u)), y, u);
        for (; u < n; u++) y[u] = CellMath.Tanh(Vector256.Create(x[u])).ToScalar();
    }

    /// <summary>sum = a + b, elementwise (a row of W_ihᵀ plus the bias: a one-hot input's projection).</summary>
    public static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> sum)
    {
        int n = sum.Length;
        Require(a.Length == n && b.Length == n);
        int u = 0;
        for (; u <= n - 8; u += 8) Store(Load(a, u) + Load(b, u), sum, u);
        for (; u < n; u++) sum[u] = a[u] + b[u];
    }

    private static (V I, V F, V G, V O, V C) Cell(V preI, V preF, V preG, V preO, V c)
    {
        V i = CellMath.Sigmoid(preI), f = CellMath.Sigmoid(preF), g = CellMath.Tanh(preG), o = CellMath.Sigmoid(preO);
        return (i, f, g, o, f * c + i * g);
    }

    private static (V R, V Z, V N, V H) GruCell(V preR, V preZ, V preN, V recN, V hOld)
    {
        V r = CellMath.Sigmoid(preR), z = CellMath.Sigmoid(preZ);
        V n = CellMath.Tanh(preN + r * recN);
        return (r, z, n, (V.One - z) * n + z * hOld);
    }

    private static void Require(bool lengthsFit)
    {
        if (!lengthsFit) throw new ArgumentException("A recording row has the wrong length for its layer.");
    }

    private static V Load(ref float data, int at) => Vector256.LoadUnsafe(ref data, (nuint)at);

    private static V Load(ReadOnlySpan<float> data, int at) => Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(data), (nuint)at);

    private static void Store(V value, Span<float> data, int at) => value.StoreUnsafe(ref MemoryMarshal.GetReference(data), (nuint)at);
}
