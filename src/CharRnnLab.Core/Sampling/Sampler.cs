using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Sampling;

/// <summary>
/// Generates text from a weights snapshot, one symbol at a time, in managed code (see
/// <see cref="ManagedRnn"/> for why not libtorch). Safe to use on any thread; one instance per
/// generation stream, since it holds the recurrent state.
/// </summary>
public sealed class Sampler(ModelWeights weights)
{
    public ModelWeights Weights { get; } = weights;

    /// <summary>Streams generated symbols (the prime itself is not repeated).</summary>
    public IEnumerable<SampledSymbol> Generate(SampleOptions options)
    {
        Validate(options);
        var vocabulary = Weights.Vocabulary;
        var random = options.Seed is int seed ? new Random(seed) : new Random();
        var rnn = new ManagedRnn(Weights);
        var probabilities = new float[vocabulary.Count];
        var logits = Prime(rnn, options.Prime, random);
        for (int n = 0; n < options.Length; n++)
        {
            Distribution.Softmax(logits, options.Temperature, options.TopK, probabilities);
            int next = options.Temperature == 0 ? Distribution.ArgMax(probabilities) : Distribution.Draw(probabilities, random);
            var candidates = Distribution.Top(probabilities, options.Candidates, i => vocabulary[i].ToString());
            yield return new SampledSymbol(vocabulary[next].ToString(), next, probabilities[next], candidates);
            logits = rnn.Step(next).ToArray();
        }
    }

    /// <summary>The generated text as one string.</summary>
    public string GenerateText(SampleOptions options) => string.Concat(Generate(options).Select(s => s.Symbol));

    /// <summary>Feeds the prime and returns the logits after it. With no prime, the model starts
    /// after a newline (a natural "start of text") or, if the vocabulary has none, a random symbol.</summary>
    private float[] Prime(ManagedRnn rnn, string prime, Random random)
    {
        var vocabulary = Weights.Vocabulary;
        int[] symbols = prime.Length > 0
            ? vocabulary.Encode(prime, "prime text")
            : [vocabulary.TryGetIndex(new System.Text.Rune('\n'), out int nl) ? nl : random.Next(vocabulary.Count)];
        float[] logits = [];
        foreach (int s in symbols) logits = rnn.Step(s).ToArray();
        return logits;
    }

    private static void Validate(SampleOptions o)
    {
        if (o.Length < 0 || o.Length > 10_000_000) throw new ConfigException($"length must be between 0 and 10,000,000 (got {o.Length}).");
        if (!(o.Temperature >= 0) || double.IsInfinity(o.Temperature)) throw new ConfigException($"temperature must be ≥ 0; use 0 for greedy (got {o.Temperature}).");
        if (o.TopK < 0) throw new ConfigException($"top-k must be ≥ 0; 0 means no limit (got {o.TopK}).");
        if (o.Candidates < 0) throw new ConfigException($"candidates must be ≥ 0 (got {o.Candidates}).");
    }
}
