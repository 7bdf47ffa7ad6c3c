using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Everything a <see cref="ManagedRnn"/> computes over a text: per position, every layer's h and c and the logits.</summary>
internal sealed record ManagedTrace(float[][][] Hidden, float[][][] Cell, float[][] Logits)
{
    /// <summary>[position][layer][unit] states and [position][symbol] logits after reading each symbol.</summary>
    public static ManagedTrace Run(ModelWeights weights, int[] symbols, IStepHook? hook = null)
    {
        var rnn = new ManagedRnn(weights, hook);
        int layers = weights.Config.Layers;
        var hidden = new float[symbols.Length][][];
        var cell = new float[symbols.Length][][];
        var logits = new float[symbols.Length][];
        for (int t = 0; t < symbols.Length; t++)
        {
            logits[t] = rnn.Step(symbols[t]).ToArray();
            hidden[t] = Enumerable.Range(0, layers).Select(l => rnn.Hidden(l).ToArray()).ToArray();
            cell[t] = Enumerable.Range(0, layers).Select(l => rnn.Cell(l).ToArray()).ToArray();
        }
        return new ManagedTrace(hidden, cell, logits);
    }

    /// <summary>The state an intervention on <paramref name="target"/> edits, at position t and layer l.</summary>
    public float[] State(InterventionTarget target, int t, int l) =>
        target == InterventionTarget.Cell ? Cell[t][l] : Hidden[t][l];
}
