using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>
/// Floating-point operations per character, to set a speed against the machine's GEMM rate.
/// Counts the matrix products only (2 per multiply-add): per layer 2·G·H·(I + H) for the input and
/// recurrent projections, and 2·H·V for the head; element-wise gate math is ignored. Layer 0's input
/// counts as a dense product (what nn.LSTM computes on one-hot input), so every path is held to
/// the same nominal work. 2×512 over 65 symbols: 6.6 MFLOP forward, 19.9 MFLOP trained.
/// </summary>
public static class ModelFlops
{
    public static double Forward(ModelConfig config, int vocabulary)
    {
        double total = 2.0 * config.Hidden * vocabulary;
        for (int l = 0; l < config.Layers; l++)
        {
            int input = l == 0 ? config.InputSize(vocabulary) : config.Hidden;
            total += 2.0 * config.GateCount * config.Hidden * (input + config.Hidden);
        }
        return total;
    }

    /// <summary>Forward plus backward: the backward pass costs two forward passes (gradients of inputs and of weights).</summary>
    public static double Training(ModelConfig config, int vocabulary) => 3 * Forward(config, vocabulary);
}
