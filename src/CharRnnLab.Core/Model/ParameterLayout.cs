using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Model;

/// <summary>One parameter tensor: its name in a PyTorch module of the same shape, and its shape.</summary>
public sealed record ParameterShape(string Name, long[] Shape)
{
    public long Count => Shape.Aggregate(1L, (product, size) => product * size);
}

/// <summary>
/// The model's parameters in one fixed order (embedding, then per layer W_ih, W_hh, b_ih, b_hh,
/// then the decoder), named as PyTorch names them in a module with an <c>nn.Embedding</c> called
/// <c>embedding</c> (only when the model has one), an <c>nn.LSTM</c>/<c>nn.GRU</c>/<c>nn.RNN</c>
/// called <c>rnn</c> and an <c>nn.Linear</c> called <c>decoder</c>: the one place that knows
/// which array of <see cref="ModelWeights"/> is which tensor.
/// </summary>
public static class ParameterLayout
{
    public const string Embedding = "embedding.weight", DecoderWeight = "decoder.weight", DecoderBias = "decoder.bias";

    public static IReadOnlyList<ParameterShape> For(ModelConfig config, int vocabulary)
    {
        long v = vocabulary, h = config.Hidden, g = config.GateCount * h;
        var shapes = new List<ParameterShape>();
        if (config.Embedding > 0) shapes.Add(new(Embedding, [v, config.Embedding]));
        for (int l = 0; l < config.Layers; l++)
        {
            long input = l == 0 ? config.InputSize(vocabulary) : h;
            shapes.Add(new($"rnn.weight_ih_l{l}", [g, input]));
            shapes.Add(new($"rnn.weight_hh_l{l}", [g, h]));
            shapes.Add(new($"rnn.bias_ih_l{l}", [g]));
            shapes.Add(new($"rnn.bias_hh_l{l}", [g]));
        }
        shapes.Add(new(DecoderWeight, [v, h]));
        shapes.Add(new(DecoderBias, [v]));
        return shapes;
    }

    /// <summary>Every weight count of the model: what its optimizer state is sized by.</summary>
    public static long ParameterCount(ModelConfig config, int vocabulary) => For(config, vocabulary).Sum(p => p.Count);

    /// <summary>The snapshot's arrays in <see cref="For"/>'s order, each with its name and shape.</summary>
    public static IReadOnlyList<(ParameterShape Shape, float[] Values)> Of(ModelWeights weights)
    {
        var values = new List<float[]>();
        if (weights.Embedding is not null) values.Add(weights.Embedding);
        foreach (var layer in weights.Layers) values.AddRange([layer.WeightIh, layer.WeightHh, layer.BiasIh, layer.BiasHh]);
        values.Add(weights.HeadWeight);
        values.Add(weights.HeadBias);
        return For(weights.Config, weights.Vocabulary.Count).Zip(values).ToList();
    }

    /// <summary>The inverse of <see cref="Of"/>: a snapshot from arrays in <see cref="For"/>'s order (lengths already checked).</summary>
    public static ModelWeights Build(ModelConfig config, Vocabulary vocabulary, IReadOnlyList<float[]> arrays, int iteration)
    {
        int next = 0;
        float[]? embedding = config.Embedding > 0 ? arrays[next++] : null;
        var layers = new LayerWeights[config.Layers];
        for (int l = 0; l < layers.Length; l++, next += 4)
            layers[l] = new LayerWeights(l == 0 ? config.InputSize(vocabulary.Count) : config.Hidden, config.Hidden,
                arrays[next], arrays[next + 1], arrays[next + 2], arrays[next + 3]);
        return new ModelWeights(config, vocabulary, embedding, layers, arrays[next], arrays[next + 1], iteration);
    }
}
