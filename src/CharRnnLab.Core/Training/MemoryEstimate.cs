using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Core.Training;

/// <summary>
/// Roughly how much memory a run needs while it trains, in bytes (float32 throughout): the weights,
/// their gradients, the optimizer's state and what backpropagation through a B×T minibatch keeps.
/// An estimate from above, meant to refuse a run that cannot fit before it allocates anything.
/// </summary>
/// <param name="Weights">Every parameter once.</param>
/// <param name="Gradients">One gradient per parameter.</param>
/// <param name="OptimizerState">Adam: two moments per parameter; RMSprop: one running square.</param>
/// <param name="Activations">Per layer and time step the gates, cell, hidden state and their gradients, plus the logits.</param>
public sealed record MemoryEstimate(long Weights, long Gradients, long OptimizerState, long Activations)
{
    private const long FloatBytes = sizeof(float);

    public long Total => Weights + Gradients + OptimizerState + Activations;

    /// <summary>The estimate for training <paramref name="config"/> on a vocabulary of <paramref name="vocabularySize"/> symbols.</summary>
    public static MemoryEstimate For(RunConfig config, int vocabularySize)
    {
        var (model, training) = (config.Model, config.Training);
        long parameters = ParameterLayout.ParameterCount(model, vocabularySize) * FloatBytes;
        int moments = training.Optimizer == OptimizerKind.Adam ? 2 : 1;
        long positions = (long)training.Batch * training.Seq; // B·T
        // Each layer keeps its gates, the cell, the hidden state and tanh(c) per position (GateCount + 3 vectors of H);
        // backward holds a gradient of the same size, hence × 2. The head keeps logits, softmax and their gradient (3 × V).
        long perPosition = 2L * model.Layers * (model.GateCount + 3) * model.Hidden
                           + model.InputSize(vocabularySize) + 3L * vocabularySize;
        return new MemoryEstimate(parameters, parameters, moments * parameters, Saturating(positions, perPosition * FloatBytes));
    }

    /// <summary>"1.20 GB (weights 3.0 MB, gradients 3.0 MB, optimizer state 6.0 MB, activations 1.19 GB)".</summary>
    public string Describe() =>
        $"{Size(Total)} (weights {Size(Weights)}, gradients {Size(Gradients)}, optimizer state {Size(OptimizerState)}, " +
        $"activations {Size(Activations)})";

    private static string Size(long bytes) => DownloadProgress.FormatBytes(bytes);

    private static long Saturating(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
