using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Numerics;

namespace CharRnnLab.Core.Model;

/// <summary>
/// Steps a <see cref="ModelWeights"/> snapshot one symbol at a time in plain managed code.
/// <para>
/// Why not libtorch: a one-step call through nn.LSTM re-packs its weights every time (≈ 6 ms/char at
/// 2×512), and any libtorch call wakes OpenMP workers that fight the trainer for the cores. A
/// single-threaded matrix-vector loop over the snapshot costs ≈ a millisecond at 2×512, touches no
/// shared state, and can run on any thread. Training and whole-sequence work stay in libtorch.
/// </para>
/// <para>The plain reference: <see cref="PackedRnn"/> is the fast path and is tested against it.</para>
/// </summary>
public sealed class ManagedRnn : IRnnStepper
{
    private readonly ModelWeights _w;
    private readonly int _gates;
    private readonly float[][] _inputTable; // (V, G·H): layer 0's W_ih·x_v + b_ih for every symbol v
    private readonly float[][] _h, _c;      // per layer (H)
    private readonly float[] _pre, _rec;    // (G·H) scratch: input part and recurrent part of the gates
    private readonly float[] _logits;       // (V)
    private readonly float[] _outputGate;   // (H) LSTM o of the layer just updated, for the hook
    private readonly IStepHook? _hook;
    private int _position;                  // symbols read since the last reset

    /// <param name="weights">The model stepped: layer 0's input projection is tabulated once, the rest is read from these arrays at every step.</param>
    /// <param name="hook">Called after each layer's cell update (interventions); null = the plain model.</param>
    public ManagedRnn(ModelWeights weights, IStepHook? hook = null)
    {
        _w = weights;
        _hook = hook;
        _gates = weights.Config.GateCount;
        int hidden = weights.Config.Hidden, layers = weights.Layers.Length;
        _inputTable = BuildInputTable(weights);
        _h = Enumerable.Range(0, layers).Select(_ => new float[hidden]).ToArray();
        _c = Enumerable.Range(0, layers).Select(_ => new float[hidden]).ToArray();
        _pre = new float[_gates * hidden];
        _rec = new float[_gates * hidden];
        _logits = new float[weights.Vocabulary.Count];
        _outputGate = new float[weights.Config.Cell == CellType.Lstm ? hidden : 0];
    }

    public ModelWeights Weights => _w;

    /// <summary>Hidden output h of <paramref name="layer"/> after the last step (H).</summary>
    public ReadOnlySpan<float> Hidden(int layer) => _h[layer];

    /// <summary>Cell state c of <paramref name="layer"/> after the last step (LSTM only; zeros otherwise).</summary>
    public ReadOnlySpan<float> Cell(int layer) => _c[layer];

    /// <summary>Zeroes the recurrent state, as at the start of a text.</summary>
    public void Reset()
    {
        foreach (var h in _h) Array.Clear(h);
        foreach (var c in _c) Array.Clear(c);
        _position = 0;
    }

    /// <summary>Feeds one symbol; returns the logits over the vocabulary for the next one (V). The
    /// returned buffer is reused by the next call.</summary>
    public ReadOnlySpan<float> Step(int symbol)
    {
        for (int layer = 0; layer < _w.Layers.Length; layer++)
        {
            var lw = _w.Layers[layer];
            if (layer == 0) _inputTable[symbol].CopyTo(_pre, 0);
            else MatVec(lw.WeightIh, lw.BiasIh, _h[layer - 1], _pre);
            MatVec(lw.WeightHh, lw.BiasHh, _h[layer], _rec);
            Update(layer);
            _hook?.AfterLayer(layer, _position, _h[layer], _c[layer], _outputGate);
        }
        _position++;
        MatVec(_w.HeadWeight, _w.HeadBias, _h[^1], _logits);
        return _logits;
    }

    public void Dispose() { }

    private void Update(int layer)
    {
        switch (_w.Config.Cell)
        {
            case CellType.Lstm: LstmUpdate(_h[layer], _c[layer]); break;
            case CellType.Gru: GruUpdate(_h[layer]); break;
            default: RnnUpdate(_h[layer]); break;
        }
    }

    // PyTorch LSTM, gates stacked i,f,g,o: c' = f⊙c + i⊙g, h' = o⊙tanh(c').
    private void LstmUpdate(float[] h, float[] c)
    {
        int n = h.Length;
        for (int j = 0; j < n; j++)
        {
            float i = Sigmoid(_pre[j] + _rec[j]);
            float f = Sigmoid(_pre[n + j] + _rec[n + j]);
            float g = MathF.Tanh(_pre[2 * n + j] + _rec[2 * n + j]);
            float o = Sigmoid(_pre[3 * n + j] + _rec[3 * n + j]);
            c[j] = f * c[j] + i * g;
            h[j] = o * MathF.Tanh(c[j]);
            _outputGate[j] = o;
        }
    }

    // PyTorch GRU, gates r,z,n: n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)), h' = (1−z)⊙n + z⊙h.
    private void GruUpdate(float[] h)
    {
        int n = h.Length;
        for (int j = 0; j < n; j++)
        {
            float r = Sigmoid(_pre[j] + _rec[j]);
            float z = Sigmoid(_pre[n + j] + _rec[n + j]);
            float cand = MathF.Tanh(_pre[2 * n + j] + r * _rec[2 * n + j]);
            h[j] = (1 - z) * cand + z * h[j];
        }
    }

    private void RnnUpdate(float[] h)
    {
        for (int j = 0; j < h.Length; j++) h[j] = MathF.Tanh(_pre[j] + _rec[j]);
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>Layer 0's input projection depends only on the symbol, so it is computed once per
    /// symbol: for one-hot input it is a column of W_ih; for an embedding, W_ih·E[v].</summary>
    internal static float[][] BuildInputTable(ModelWeights w)
    {
        var layer = w.Layers[0];
        int rows = layer.BiasIh.Length, inputs = layer.InputSize, vocab = w.Vocabulary.Count;
        var table = new float[vocab][];
        for (int v = 0; v < vocab; v++)
        {
            table[v] = new float[rows];
            if (w.Embedding is null)
                for (int r = 0; r < rows; r++) table[v][r] = layer.WeightIh[r * inputs + v] + layer.BiasIh[r];
            else
                MatVec(layer.WeightIh, layer.BiasIh, w.Embedding.AsSpan(v * inputs, inputs), table[v]);
        }
        return table;
    }

    /// <summary>y = W·x + b for row-major W (rows = y.Length, cols = x.Length), SIMD dot products.</summary>
    internal static void MatVec(float[] weight, float[] bias, ReadOnlySpan<float> x, Span<float> y)
    {
        int cols = x.Length;
        for (int r = 0; r < y.Length; r++)
            y[r] = VectorMath.Dot(weight.AsSpan(r * cols, cols), x) + bias[r];
    }
}
