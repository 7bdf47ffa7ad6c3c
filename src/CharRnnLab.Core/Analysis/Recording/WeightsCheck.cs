using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>Checks that a weights snapshot's arrays have the sizes its configuration implies.</summary>
internal static class WeightsCheck
{
    public static void Validate(ModelWeights weights)
    {
        var config = weights.Config;
        config.Validate();
        int v = weights.Vocabulary.Count, h = config.Hidden, g = config.GateCount;
        if (config.Embedding > 0) Expect(weights.Embedding?.Length ?? 0, (long)v * config.Embedding, "embedding");
        else if (weights.Embedding is not null) Fail("an embedding, but its configuration says one-hot input");
        if (weights.Layers.Length != config.Layers) Fail($"{weights.Layers.Length} layers, but its configuration says {config.Layers}");
        for (int l = 0; l < weights.Layers.Length; l++)
        {
            var layer = weights.Layers[l];
            int input = l == 0 ? config.InputSize(v) : h;
            string name = $"layer {l + 1}";
            if (layer.InputSize != input || layer.HiddenSize != h)
                Fail($"{name} sized {layer.InputSize}→{layer.HiddenSize}, expected {input}→{h}");
            Expect(layer.WeightIh.Length, (long)g * h * input, $"{name} input weights");
            Expect(layer.WeightHh.Length, (long)g * h * h, $"{name} recurrent weights");
            Expect(layer.BiasIh.Length, g * h, $"{name} input bias");
            Expect(layer.BiasHh.Length, g * h, $"{name} recurrent bias");
        }
        Expect(weights.HeadWeight.Length, (long)v * h, "output weights");
        Expect(weights.HeadBias.Length, v, "output bias");
    }

    private static void Expect(long actual, long expected, string what)
    {
        if (actual != expected) Fail($"{actual} {what} values, expected {expected}");
    }

    private static void Fail(string problem) => throw new CheckpointException(
        $"The model weights do not fit their configuration: they have {problem}. " +
        "The checkpoint is damaged or was written by another version; train or export it again.");
}
