using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>
/// The textbook equations, one character at a time, in double precision, written independently
/// of the recorder: the reference it must match.
/// </summary>
internal static class NaiveRecurrence
{
    public sealed record Result(Dictionary<(int Layer, ActivationKind Kind), float[]> Values, double[][] Probabilities);

    public static Result Run(ModelWeights w, int[] symbols) => Run(w, symbols.Select(s => Input(w, s)).ToArray());

    /// <summary>The same from the first layer's input vectors (one-hot or embedding rows), which a test may perturb.</summary>
    public static Result Run(ModelWeights w, double[][] inputs)
    {
        var c = w.Config;
        int n = inputs.Length, h = c.Hidden, v = w.Vocabulary.Count;
        var values = new Dictionary<(int, ActivationKind), float[]>();
        foreach (var l in Enumerable.Range(0, c.Layers))
            foreach (var kind in ActivationKinds.For(c.Cell)) values[(l, kind)] = new float[n * h];
        var hState = new double[c.Layers][];
        var cState = new double[c.Layers][];
        for (int l = 0; l < c.Layers; l++) { hState[l] = new double[h]; cState[l] = new double[h]; }
        var probabilities = new double[n][];
        for (int t = 0; t < n; t++)
        {
            double[] x = inputs[t];
            for (int l = 0; l < c.Layers; l++)
            {
                var gx = Affine(w.Layers[l].WeightIh, w.Layers[l].BiasIh, x);
                var gh = Affine(w.Layers[l].WeightHh, w.Layers[l].BiasHh, hState[l]);
                var record = (ActivationKind kind, double[] a) => Store(values[(l, kind)], t, a);
                hState[l] = c.Cell switch
                {
                    CellType.Lstm => Lstm(gx, gh, cState[l], h, record),
                    CellType.Gru => Gru(gx, gh, hState[l], h, record),
                    _ => Rnn(gx, gh, h, record),
                };
                x = hState[l];
            }
            probabilities[t] = Softmax(Affine(w.HeadWeight, w.HeadBias, x));
        }
        return new Result(values, probabilities);
    }

    private static double[] Lstm(double[] gx, double[] gh, double[] cell, int h, Action<ActivationKind, double[]> record)
    {
        double[] Gate(int k, Func<double, double> f) => Enumerable.Range(0, h).Select(u => f(gx[k * h + u] + gh[k * h + u])).ToArray();
        var i = Gate(0, Sigmoid); var f = Gate(1, Sigmoid); var g = Gate(2, Math.Tanh); var o = Gate(3, Sigmoid);
        for (int u = 0; u < h; u++) cell[u] = f[u] * cell[u] + i[u] * g[u];
        var tanhC = cell.Select(Math.Tanh).ToArray();
        var hidden = Enumerable.Range(0, h).Select(u => o[u] * tanhC[u]).ToArray();
        record(ActivationKind.Cell, cell); record(ActivationKind.TanhCell, tanhC); record(ActivationKind.Hidden, hidden);
        record(ActivationKind.InputGate, i); record(ActivationKind.ForgetGate, f);
        record(ActivationKind.OutputGate, o); record(ActivationKind.CandidateGate, g);
        return hidden;
    }

    private static double[] Gru(double[] gx, double[] gh, double[] previous, int h, Action<ActivationKind, double[]> record)
    {
        var r = Enumerable.Range(0, h).Select(u => Sigmoid(gx[u] + gh[u])).ToArray();
        var z = Enumerable.Range(0, h).Select(u => Sigmoid(gx[h + u] + gh[h + u])).ToArray();
        var n = Enumerable.Range(0, h).Select(u => Math.Tanh(gx[2 * h + u] + r[u] * gh[2 * h + u])).ToArray();
        var hidden = Enumerable.Range(0, h).Select(u => (1 - z[u]) * n[u] + z[u] * previous[u]).ToArray();
        record(ActivationKind.Hidden, hidden); record(ActivationKind.ResetGate, r);
        record(ActivationKind.UpdateGate, z); record(ActivationKind.NewGate, n);
        return hidden;
    }

    private static double[] Rnn(double[] gx, double[] gh, int h, Action<ActivationKind, double[]> record)
    {
        var hidden = Enumerable.Range(0, h).Select(u => Math.Tanh(gx[u] + gh[u])).ToArray();
        record(ActivationKind.Hidden, hidden);
        return hidden;
    }

    public static double[] Input(ModelWeights w, int symbol)
    {
        int v = w.Vocabulary.Count, e = w.Config.Embedding;
        if (w.Embedding is null) { var oneHot = new double[v]; oneHot[symbol] = 1; return oneHot; }
        return Enumerable.Range(0, e).Select(j => (double)w.Embedding[symbol * e + j]).ToArray();
    }

    // y = W·x + b for row-major W (rows = b.Length).
    private static double[] Affine(float[] weight, float[] bias, double[] x) =>
        Enumerable.Range(0, bias.Length).Select(r =>
        {
            double sum = bias[r];
            for (int j = 0; j < x.Length; j++) sum += weight[r * x.Length + j] * x[j];
            return sum;
        }).ToArray();

    private static double[] Softmax(double[] logits)
    {
        double max = logits.Max();
        var e = logits.Select(l => Math.Exp(l - max)).ToArray();
        double sum = e.Sum();
        return e.Select(x => x / sum).ToArray();
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static void Store(float[] target, int t, double[] values)
    {
        for (int u = 0; u < values.Length; u++) target[t * values.Length + u] = (float)values[u];
    }
}
