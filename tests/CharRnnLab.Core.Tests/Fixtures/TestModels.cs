using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Tiny random weight snapshots for recorder tests.</summary>
internal static class TestModels
{
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz ";

    /// <param name="alphabet">The model's symbols, as many as <paramref name="vocabulary"/>; default: the first letters.</param>
    public static ModelWeights Random(CellType cell, int layers, int hidden, int vocabulary, int embedding = 0,
        int seed = 1, float scale = 0.6f, string? alphabet = null)
    {
        var rng = new System.Random(seed);
        float[] Draw(long n) => Enumerable.Range(0, (int)n).Select(_ => (float)(rng.NextDouble() * 2 - 1) * scale).ToArray();
        var config = new ModelConfig(cell, layers, hidden, embedding);
        var vocab = Vocabulary.FromText(alphabet ?? Alphabet[..vocabulary]);
        int g = config.GateCount;
        var layerWeights = Enumerable.Range(0, layers).Select(l =>
        {
            int input = l == 0 ? config.InputSize(vocabulary) : hidden;
            return new LayerWeights(input, hidden, Draw(g * hidden * input), Draw(g * hidden * hidden),
                Draw(g * hidden), Draw(g * hidden));
        }).ToArray();
        return new ModelWeights(config, vocab, embedding > 0 ? Draw(vocabulary * embedding) : null, layerWeights,
            Draw(vocabulary * hidden), Draw(vocabulary), Iteration: 0);
    }

    /// <summary>A random text over the model's first <paramref name="vocabulary"/> letters.</summary>
    public static string Text(int length, int vocabulary, int seed = 2)
    {
        var rng = new System.Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => Alphabet[rng.Next(vocabulary)]).ToArray());
    }
}
