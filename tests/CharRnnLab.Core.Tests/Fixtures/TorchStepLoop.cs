using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>
/// A plain per-step libtorch loop over the textbook cell equations, one character and one layer
/// at a time, with interventions written out here from docs/interventions.md (not through the
/// engine's types): the reference the managed stepper and the recorder must match.
/// </summary>
internal static class TorchStepLoop
{
    /// <summary>(T, V) logits, row-major, for <paramref name="symbols"/> read from a zero state.</summary>
    public static float[] Logits(ModelWeights w, int[] symbols, IReadOnlyList<Intervention> edits)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var c = w.Config;
        int v = w.Vocabulary.Count, hidden = c.Hidden;
        var h = Enumerable.Range(0, c.Layers).Select(_ => zeros(hidden)).ToArray();
        var cell = Enumerable.Range(0, c.Layers).Select(_ => zeros(hidden)).ToArray();
        var headW = tensor(w.HeadWeight, [v, hidden]);
        var headB = tensor(w.HeadBias, [v]);
        var logits = new List<float>();
        for (int t = 0; t < symbols.Length; t++)
        {
            var x = Input(w, symbols[t]);
            for (int l = 0; l < c.Layers; l++)
            {
                var lw = w.Layers[l];
                var gx = tensor(lw.WeightIh, [lw.BiasIh.Length, lw.InputSize]).matmul(x) + tensor(lw.BiasIh);  // (G·H)
                var gh = tensor(lw.WeightHh, [lw.BiasHh.Length, hidden]).matmul(h[l]) + tensor(lw.BiasHh);     // (G·H)
                var active = edits.Where(e => e.Layer == l && t >= e.From).ToArray();
                (h[l], cell[l]) = c.Cell switch
                {
                    CellType.Lstm => Lstm(gx, gh, cell[l], hidden, active),
                    CellType.Gru => (Gru(gx, gh, h[l], hidden), cell[l]),
                    _ => ((gx + gh).tanh(), cell[l]),
                };
                h[l] = EditHidden(h[l], active);
                x = h[l];
            }
            logits.AddRange((headW.matmul(x) + headB).data<float>().ToArray());
        }
        return logits.ToArray();
    }

    // c = f·c + i·g; c edits; h = o·tanh(c).
    private static (Tensor H, Tensor C) Lstm(Tensor gx, Tensor gh, Tensor c, int n, Intervention[] edits)
    {
        var gates = gx + gh;
        var i = gates.narrow(0, 0, n).sigmoid();
        var f = gates.narrow(0, n, n).sigmoid();
        var g = gates.narrow(0, 2 * n, n).tanh();
        var o = gates.narrow(0, 3 * n, n).sigmoid();
        var next = (f * c + i * g).clone();
        foreach (var e in edits.Where(e => e.Target == InterventionTarget.Cell)) Edit(next, e);
        return (o * next.tanh(), next);
    }

    // n = tanh(W_in x + b_in + r·(W_hn h + b_hn)), h' = (1 − z)·n + z·h.
    private static Tensor Gru(Tensor gx, Tensor gh, Tensor h, int n)
    {
        var r = (gx.narrow(0, 0, n) + gh.narrow(0, 0, n)).sigmoid();
        var z = (gx.narrow(0, n, n) + gh.narrow(0, n, n)).sigmoid();
        var candidate = (gx.narrow(0, 2 * n, n) + r * gh.narrow(0, 2 * n, n)).tanh();
        return (1 - z) * candidate + z * h;
    }

    private static Tensor EditHidden(Tensor h, Intervention[] edits)
    {
        var edited = h.clone();
        foreach (var e in edits.Where(e => e.Target == InterventionTarget.Hidden)) Edit(edited, e);
        return edited;
    }

    private static void Edit(Tensor state, Intervention e)
    {
        float current = state[e.Unit].item<float>();
        state[e.Unit] = tensor(e.Action == InterventionAction.Scale ? current * e.Value : e.Value);
    }

    private static Tensor Input(ModelWeights w, int symbol)
    {
        int v = w.Vocabulary.Count, e = w.Config.Embedding;
        if (w.Embedding is null) { var oneHot = zeros(v); oneHot[symbol] = tensor(1f); return oneHot; }
        return tensor(w.Embedding.AsSpan(symbol * e, e).ToArray());
    }
}
