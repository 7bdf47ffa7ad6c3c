using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Influence;

/// <summary>Mean influence against distance: <see cref="MeanNorms"/>[k − 1] averages ‖∂ log p / ∂x_{N−k}‖ over <see cref="Positions"/>.</summary>
public sealed record MemorySpanChart(int Span, int WarmUp, string InputKind, IReadOnlyList<int> Positions, double[] MeanNorms);

/// <summary>
/// How far back a model's predictions reach, averaged over many positions of a text: the
/// quantity that shows a vanilla RNN's vanishing gradient beside an LSTM's longer memory.
/// <para>
/// The approximation: each position N reads the <c>warmUp</c> characters before its span from a
/// zero state without gradients, then its span with (as the recorder's streams do), so B positions
/// run as one batched forward and backward. <see cref="InfluenceAnalyzer.At(ModelWeights, string, int, int)"/> reads from character 0.
/// </para>
/// </summary>
public static class MemorySpan
{
    /// <param name="weights">The model whose predictions are explained.</param>
    /// <param name="text">The text the positions are taken from; every character must be in the model's vocabulary.</param>
    /// <param name="span">How many characters back (1 … <see cref="InfluenceAnalyzer.MaxSpan"/>) each position's influence is measured.</param>
    /// <param name="positions">How many positions, spread evenly over the text after the first warm-up + span characters.</param>
    /// <param name="warmUp">Characters read without gradients before each span, to bring the state away from zero (0 … 100,000).</param>
    /// <param name="batch">Positions per batched forward and backward pass: memory grows with it, not the result.</param>
    public static MemorySpanChart Chart(ModelWeights weights, string text, int span = 300, int positions = 64, int warmUp = 300, int batch = 32)
    {
        int[] symbols = weights.Vocabulary.Encode(text, "text to explain");
        if (positions < 1 || positions > 10_000) throw new ConfigException($"positions must be between 1 and 10,000 (got {positions}).");
        if (warmUp < 0 || warmUp > 100_000) throw new ConfigException($"the warm-up must be between 0 and 100,000 characters (got {warmUp}).");
        int first = warmUp + span;
        if (symbols.Length <= first)
            throw new ConfigException($"The text has {symbols.Length:N0} characters; a memory-span chart over {span} characters with a " +
                $"warm-up of {warmUp} needs more than {first:N0}. Give a longer text or a shorter span.");
        InfluenceAnalyzer.Check(symbols.Length, first, span);
        var chosen = Spread(first, symbols.Length - 1, positions);
        using var model = CharRnnModel.FromWeights(weights);
        model.eval();
        var sum = new double[span];
        foreach (var group in chosen.Chunk(batch)) Accumulate(model, symbols, group, span, warmUp, sum);
        return new MemorySpanChart(span, warmUp, InfluenceAnalyzer.Kind(weights), chosen, sum.Select(s => s / chosen.Count).ToArray());
    }

    private static void Accumulate(CharRnnModel model, int[] symbols, int[] group, int span, int warmUp, double[] sum)
    {
        using var scope = NewDisposeScope();
        using var zero = model.ZeroState(group.Length);
        RecurrentState? warm = null;
        if (warmUp > 0)
        {
            using var noGrad = no_grad();
            var rows = group.Select(n => symbols[(n - span - warmUp)..(n - span)]).ToArray();
            warm = model.call(tensor(rows.SelectMany(r => r.Select(s => (long)s)).ToArray(), [rows.Length, warmUp]), zero).State;
        }
        var windows = group.Select(n => symbols[(n - span)..n]).ToArray();
        var (norms, _) = InfluenceAnalyzer.Gradients(model, windows, warm ?? zero, group.Select(n => symbols[n]).ToArray());
        for (int b = 0; b < group.Length; b++)
            for (int k = 1; k <= span; k++) sum[k - 1] += norms[b, span - k];
    }

    // Up to `count` distinct positions spread evenly over [from, to].
    private static IReadOnlyList<int> Spread(int from, int to, int count)
    {
        if (count == 1) return [(from + to) / 2];
        return Enumerable.Range(0, count).Select(i => from + (int)((long)(to - from) * i / (count - 1))).Distinct().ToArray();
    }
}
