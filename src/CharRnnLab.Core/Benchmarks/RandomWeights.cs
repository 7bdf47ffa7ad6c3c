using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>
/// An untrained snapshot of any shape, for benchmarks and engine tests: weights drawn uniformly
/// from ±1/√H (PyTorch's default initialisation) from a managed RNG, over an alphabet of
/// <c>vocabulary</c> symbols starting at ' '.
/// </summary>
public static class RandomWeights
{
    /// <summary>tinyshakespeare's alphabet size: what the post's models read.</summary>
    public const int PostVocabulary = 65;

    public static ModelWeights Create(ModelConfig config, int vocabulary = PostVocabulary, int seed = 1)
    {
        var rng = new Random(seed);
        float bound = 1f / MathF.Sqrt(config.Hidden);
        float[] Draw(long n)
        {
            var a = new float[n];
            for (long i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 2 - 1) * bound;
            return a;
        }
        var symbols = Vocabulary.FromText(string.Concat(Enumerable.Range(0, vocabulary).Select(i => (char)(' ' + i))));
        int g = config.GateCount, h = config.Hidden, input0 = config.InputSize(vocabulary);
        var embedding = config.Embedding > 0 ? Draw((long)vocabulary * config.Embedding) : null;
        var layers = Enumerable.Range(0, config.Layers).Select(l =>
        {
            int input = l == 0 ? input0 : h;
            return new LayerWeights(input, h, Draw((long)g * h * input), Draw((long)g * h * h), Draw(g * h), Draw(g * h));
        }).ToArray();
        return new ModelWeights(config, symbols, embedding, layers, Draw((long)vocabulary * h), Draw(vocabulary), 0);
    }

    /// <summary>A random text of <paramref name="characters"/> symbols of <paramref name="weights"/>' vocabulary.</summary>
    public static string Text(ModelWeights weights, int characters, int seed = 2)
    {
        var rng = new Random(seed);
        var symbols = weights.Vocabulary.ToStrings();
        return string.Concat(Enumerable.Range(0, characters).Select(_ => symbols[rng.Next(symbols.Length)]));
    }
}
