using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Evaluation;

/// <summary>A model's mean loss over a text: every character after the first predicted from those before it.</summary>
/// <param name="Characters">Symbols in the text.</param>
/// <param name="Predictions">Characters − 1: the first character is only read.</param>
/// <param name="Nats">Mean cross-entropy per prediction, in nats.</param>
public sealed record TextLoss(int Characters, int Predictions, double Nats)
{
    public double Bits => TrainingProgress.ToBits(Nats);

    /// <summary>The line charrnn eval prints, and docs/python.md's script prints in the same words.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"mean loss over {Predictions:N0} predictions: {Nats:F6} nats, {Bits:F6} bits per character");
}

/// <summary>
/// Runs a text through the model's own forward (libtorch, the same module training uses), from a
/// zero state, in one sequential pass: the state is carried from one chunk of the text to the
/// next, so the result is what a single call over the whole text gives, in bounded memory.
/// Runs libtorch: call it on the compute lane.
/// </summary>
public static class TextEvaluator
{
    /// <summary>Time steps per forward call: (1, 4096, V) logits at a time.</summary>
    private const int ChunkLength = 4096;

    public static TextLoss Evaluate(ModelWeights weights, string text)
    {
        int[] symbols = Encode(weights, text);
        double sum = 0;
        ForEachChunk(weights, symbols, (logits, targets, _) =>
            sum += nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.Sum).to(ScalarType.Float64).item<double>());
        return new TextLoss(symbols.Length, symbols.Length - 1, sum / (symbols.Length - 1));
    }

    /// <summary>p[i] = the model's probability of symbol i + 1 of the text given the symbols before it (Characters − 1 values).</summary>
    public static double[] TargetProbabilities(ModelWeights weights, string text)
    {
        int[] symbols = Encode(weights, text);
        var p = new double[symbols.Length - 1];
        ForEachChunk(weights, symbols, (logits, targets, start) =>
        {
            using var picked = nn.functional.log_softmax(logits, 1).gather(1, targets.unsqueeze(1)).squeeze(1).exp(); // (T)
            picked.cpu().to(ScalarType.Float64).data<double>().CopyTo(p, start);
        });
        return p;
    }

    private static int[] Encode(ModelWeights weights, string text)
    {
        int[] symbols = weights.Vocabulary.Encode(text);
        if (symbols.Length < 2)
            throw new CharRnnException($"The text has {symbols.Length} character(s); the loss needs at least two (one to read, one to predict).");
        return symbols;
    }

    /// <summary>Calls <paramref name="use"/>(logits (T, V), targets (T), first target's index − 1) chunk by chunk, the state carried.</summary>
    private static void ForEachChunk(ModelWeights weights, int[] symbols, Action<Tensor, Tensor, int> use)
    {
        using var model = CharRnnModel.FromWeights(weights);
        model.eval();
        using var noGrad = torch.no_grad();
        var state = model.ZeroState(batch: 1);
        try
        {
            for (int start = 0; start < symbols.Length - 1; start += ChunkLength)
            {
                using var scope = torch.NewDisposeScope();
                int length = Math.Min(ChunkLength, symbols.Length - 1 - start);
                using var inputs = TensorConvert.FromSymbols(symbols[start..(start + length)], [1, length], model.Device);        // (1, T)
                using var targets = TensorConvert.FromSymbols(symbols[(start + 1)..(start + 1 + length)], [length], model.Device); // (T)
                var (logits, next) = model.call(inputs, state);                                                            // (1, T, V)
                use(logits[0], targets, start);
                state.Dispose();
                state = next.DetachForNextBatch();
            }
        }
        finally
        {
            state.Dispose();
        }
    }
}
