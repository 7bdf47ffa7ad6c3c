using CharRnnLab.Core.Model;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// What a sample depends on besides its temperature: the run, the weights snapshot (compared as
/// arrays, so a new snapshot is a new family), the prime, the length and the seed. Samples of one
/// family at different temperatures are what a slider drag asks for.
/// </summary>
/// <param name="Seed">null = a random seed per sample (then nothing can be prepared ahead).</param>
public sealed record SampleFamily(string RunId, ModelWeights Weights, string Prime, int Length, int? Seed)
{
    /// <summary>The lab's sampling options at <paramref name="temperature"/> (0 = greedy), prepared or not.</summary>
    public SampleOptions Options(double temperature) =>
        new(Length, temperature, Prime, Seed, TopK: 0, Candidates: RunSampler.CandidateCount);
}
