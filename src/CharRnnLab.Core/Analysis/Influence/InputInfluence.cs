using CharRnnLab.Core.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Influence;

/// <summary>
/// How much the prediction of character <see cref="Position"/> depended on each earlier input:
/// <see cref="Norms"/>[k − 1] = ‖∂ log p(text[N] | text[&lt; N]) / ∂x_{N−k}‖₂ for distance k = 1 … span,
/// where x_t is the vector the first layer reads at position t: the one-hot vector (V), or the
/// embedding row (E) for an embedding model (<see cref="InputKind"/>).
/// </summary>
public sealed record InputInfluence(int Position, string Symbol, double LogProbability, string InputKind, double[] Norms);

/// <summary>
/// Gradients of one prediction with respect to the inputs before it, by autograd through the
/// model's own libtorch modules. Runs on the calling thread (a server puts it on the compute lane).
/// </summary>
public static class InfluenceAnalyzer
{
    public const int MaxSpan = 1000;

    /// <summary>
    /// The influence on predicting <c>text[position]</c>: the text before position − span is read
    /// without gradients (from the zero state at character 0, through <see cref="PrefixStates"/>, so
    /// further positions of the same text reuse it), the last span inputs with.
    /// </summary>
    public static InputInfluence At(ModelWeights weights, string text, int position, int span = 300) =>
        At(weights, text, position, span, PrefixStates.DefaultStride);

    internal static InputInfluence At(ModelWeights weights, string text, int position, int span, int stride)
    {
        int[] symbols = weights.Vocabulary.Encode(text, "text to explain");
        Check(symbols.Length, position, span);
        using var model = CharRnnModel.FromWeights(weights);
        model.eval();
        using var scope = NewDisposeScope();
        int start = Math.Max(0, position - span);
        using var state = PrefixStates.For(weights, symbols, stride).StateAt(model, start);
        var (norms, logP) = Gradients(model, Window(symbols, start, position), state, [symbols[position]]);
        var perDistance = new double[position - start];
        for (int k = 1; k <= perDistance.Length; k++) perDistance[k - 1] = norms[0, position - k - start];
        return new InputInfluence(position, weights.Vocabulary[symbols[position]].ToString(), logP[0], Kind(weights), perDistance);
    }

    /// <summary>"one-hot" or "embedding": what x_t is.</summary>
    public static string Kind(ModelWeights weights) => weights.Embedding is null ? "one-hot" : "embedding";

    internal static void Check(int characters, int position, int span)
    {
        if (span < 1 || span > MaxSpan) throw new ConfigException($"the span must be between 1 and {MaxSpan} characters (got {span}).");
        if (position < 1 || position >= characters)
            throw new ConfigException($"the position must be between 1 and {characters - 1}: the character predicted, after at least one input " +
                $"(got {position}; the text has {characters} characters).");
    }

    /// <summary>
    /// For B windows (B, T) read from <paramref name="state"/> (L, B, H): the norm of the gradient of
    /// log p(targets[b]) after the last input with respect to every input vector, [B, T], and the log p.
    /// </summary>
    internal static (double[,] Norms, double[] LogP) Gradients(CharRnnModel model, int[][] windows, RecurrentState state, int[] targets)
    {
        using var scope = NewDisposeScope();
        var inputs = model.Inputs(Symbols(windows)).detach().requires_grad_(true);          // (B, T, I) leaves
        var (logits, _) = model.ForwardInputs(inputs, state);                                // (B, T, V)
        var last = logits.select(1, windows[0].Length - 1).log_softmax(1);                    // (B, V)
        var target = tensor(targets.Select(t => (long)t).ToArray()).unsqueeze(1);
        var logP = last.gather(1, target).squeeze(1);                                         // (B)
        logP.sum().backward();                                                                // windows are independent: one pass gives each its own gradient
        var grad = inputs.grad!.to_type(ScalarType.Float64);
        var norms = grad.mul(grad).sum(2).sqrt();                                              // (B, T)
        var flat = norms.contiguous().data<double>().ToArray();
        int b = windows.Length, t = windows[0].Length;
        var result = new double[b, t];
        for (int i = 0; i < b; i++) for (int j = 0; j < t; j++) result[i, j] = flat[i * t + j];
        return (result, logP.to_type(ScalarType.Float64).data<double>().ToArray());
    }

    private static int[][] Window(int[] symbols, int start, int end) => [symbols[start..end]];

    private static Tensor Symbols(int[][] rows) =>
        tensor(rows.SelectMany(r => r.Select(s => (long)s)).ToArray(), [rows.Length, rows[0].Length]);
}
