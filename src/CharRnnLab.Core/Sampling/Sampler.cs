using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;

namespace CharRnnLab.Core.Sampling;

/// <summary>
/// Generates text from a weights snapshot, one symbol at a time, in managed code (see
/// <see cref="ManagedRnn"/> for why not libtorch). Safe to use on any thread; each generation
/// has its own recurrent state.
/// </summary>
/// <param name="weights">The snapshot to sample from.</param>
/// <param name="stepper">The fast stepper's settings (<see cref="PackedRnn"/>); null = the plain
/// float32 <see cref="ManagedRnn"/>.</param>
public sealed class Sampler(ModelWeights weights, StepperOptions? stepper = null)
{
    public ModelWeights Weights { get; } = weights;
    public StepperOptions? Stepper { get; } = stepper;

    /// <summary>Streams generated symbols (the prime itself is not repeated).</summary>
    public IEnumerable<SampledSymbol> Generate(SampleOptions options)
    {
        Validate(options);
        var random = options.Seed is int seed ? new Random(seed) : new Random();
        using IRnnStepper rnn = Stepper is null ? new ManagedRnn(Weights) : new PackedRnn(Weights, Stepper);
        var stream = new SamplingStream(rnn, random, options);
        for (int n = 0; n < options.Length; n++) yield return stream.Next();
    }

    /// <summary>
    /// A temperature strip: one stream per temperature from the same prime and seed, stepped
    /// together (the fast stepper reads its weights once per pair of streams). Step n yields each
    /// stream's symbol n; stream k equals <see cref="Generate"/> with temperatures[k] and the same seed.
    /// </summary>
    public IEnumerable<SampledSymbol[]> GenerateStrip(SampleOptions options, IReadOnlyList<double> temperatures)
    {
        Validate(options);
        if (temperatures.Count is < 1 or > MaxStrip)
            throw new ConfigException($"a temperature strip needs 1 to {MaxStrip} temperatures (got {temperatures.Count}).");
        foreach (double t in temperatures) Validate(options with { Temperature = t });
        int seed = options.Seed ?? Random.Shared.Next();
        var randoms = temperatures.Select(_ => new Random(seed)).ToArray();
        using var rnn = new StreamStepper(Weights, Stepper, temperatures.Count);
        var probabilities = temperatures.Select(_ => new float[Weights.Vocabulary.Count]).ToArray();
        var next = new int[temperatures.Count];
        var logits = Prime(rnn, options.Prime, randoms);
        for (int n = 0; n < options.Length; n++)
        {
            var strip = new SampledSymbol[temperatures.Count];
            for (int k = 0; k < strip.Length; k++)
            {
                strip[k] = SamplingStream.Choose(Weights.Vocabulary, logits[k], options with { Temperature = temperatures[k] }, randoms[k], probabilities[k]);
                next[k] = strip[k].Index;
            }
            yield return strip;
            logits = rnn.Step(next);
        }
    }

    /// <summary>Most temperatures one strip samples at once.</summary>
    public const int MaxStrip = 16;

    /// <summary>The generated text as one string.</summary>
    public string GenerateText(SampleOptions options) => string.Concat(Generate(options).Select(s => s.Symbol));

    /// <summary>Feeds the prime to every stream and returns their logits after it. With no prime, the model starts
    /// after a newline (a natural "start of text") or, if the vocabulary has none, a random symbol.</summary>
    private IReadOnlyList<float[]> Prime(StreamStepper rnn, string prime, Random[] randoms)
    {
        int[] symbols = SamplingStream.PrimeSymbols(Weights.Vocabulary, prime, () => RandomStart(randoms, Weights.Vocabulary.Count));
        var feed = new int[randoms.Length];
        IReadOnlyList<float[]> logits = [];
        foreach (int s in symbols)
        {
            Array.Fill(feed, s);
            logits = rnn.Step(feed);
        }
        return logits;
    }

    /// <summary>A random first symbol, drawn from every stream's generator so they stay in step (equal seeds: equal draws).</summary>
    private static int RandomStart(Random[] randoms, int vocabulary)
    {
        int symbol = 0;
        foreach (var random in randoms) symbol = random.Next(vocabulary);
        return symbol;
    }

    internal static void Validate(SampleOptions o)
    {
        if (o.Length < 0 || o.Length > 10_000_000) throw new ConfigException($"length must be between 0 and 10,000,000 (got {o.Length}).");
        if (!(o.Temperature >= 0) || double.IsInfinity(o.Temperature)) throw new ConfigException($"temperature must be ≥ 0; use 0 for greedy (got {o.Temperature}).");
        if (o.TopK < 0) throw new ConfigException($"top-k must be ≥ 0; 0 means no limit (got {o.TopK}).");
        if (o.Candidates < 0) throw new ConfigException($"candidates must be ≥ 0 (got {o.Candidates}).");
    }
}
