using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Sampling;

/// <summary>Generates text from a weights snapshot, one symbol at a time (managed code, no libtorch).</summary>
public sealed class Sampler(ModelWeights weights)
{
    public ModelWeights Weights { get; } = weights;

    /// <summary>Streams generated symbols (the prime is not repeated).</summary>
    public IEnumerable<SampledSymbol> Generate(SampleOptions options) => throw new NotImplementedException();

    public string GenerateText(SampleOptions options) => string.Concat(Generate(options).Select(s => s.Symbol));
}
