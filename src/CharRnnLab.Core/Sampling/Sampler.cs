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
        var random = options.Seed is int seed ? new Random(seed) : new Random();
        var stream = new SamplingStream(new ManagedRnn(Weights), random, options);
        for (int n = 0; n < options.Length; n++) yield return stream.Next();
    }

    /// <summary>The generated text as one string.</summary>
    public string GenerateText(SampleOptions options) => string.Concat(Generate(options).Select(s => s.Symbol));

    internal static void Validate(SampleOptions o)
    {
        if (o.Length < 0 || o.Length > 10_000_000) throw new ConfigException($"length must be between 0 and 10,000,000 (got {o.Length}).");
        if (!(o.Temperature >= 0) || double.IsInfinity(o.Temperature)) throw new ConfigException($"temperature must be ≥ 0; use 0 for greedy (got {o.Temperature}).");
        if (o.TopK < 0) throw new ConfigException($"top-k must be ≥ 0; 0 means no limit (got {o.TopK}).");
        if (o.Candidates < 0) throw new ConfigException($"candidates must be ≥ 0 (got {o.Candidates}).");
    }
}
