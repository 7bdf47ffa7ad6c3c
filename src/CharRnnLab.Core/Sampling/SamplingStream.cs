using System.Runtime.CompilerServices;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model.Stepping;

namespace CharRnnLab.Core.Sampling;

/// <summary>
/// One continuation being generated: a primed stepper, its random stream and the options'
/// temperature and top-k. <see cref="Sampler"/> runs one; <see cref="PairedSampler"/> runs two in
/// lock step; a temperature strip (<see cref="Sampler.GenerateStrip"/>) uses its rules over a batched stepper.
/// </summary>
internal sealed class SamplingStream
{
    private readonly IRnnStepper _rnn;
    private readonly Random _random;
    private readonly SampleOptions _options;
    private readonly float[] _probabilities;

    /// <summary>Feeds the prime (<see cref="PrimeSymbols"/>).</summary>
    public SamplingStream(IRnnStepper rnn, Random random, SampleOptions options)
    {
        _rnn = rnn;
        _random = random;
        _options = options;
        var vocabulary = rnn.Weights.Vocabulary;
        _probabilities = new float[vocabulary.Count];
        foreach (int s in PrimeSymbols(vocabulary, options.Prime, () => random.Next(vocabulary.Count))) Logits = rnn.Step(s).ToArray();
    }

    /// <summary>The model's logits for the next symbol (V).</summary>
    public float[] Logits { get; private set; } = [];

    /// <summary>Draws the next symbol under the temperature and top-k, then feeds it to the model.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SampledSymbol Next()
    {
        var symbol = Choose(_rnn.Weights.Vocabulary, Logits, _options, _random, _probabilities);
        Logits = _rnn.Step(symbol.Index).ToArray();
        return symbol;
    }

    /// <summary>The symbols a prime feeds. With no prime, the model starts after a newline (a natural
    /// "start of text") or, if the vocabulary has none, a random symbol.</summary>
    public static int[] PrimeSymbols(Vocabulary vocabulary, string prime, Func<int> randomSymbol) =>
        prime.Length > 0 ? vocabulary.Encode(prime, "prime text")
        : vocabulary.TryGetIndex(new System.Text.Rune('\n'), out int nl) ? [nl]
        : [randomSymbol()];

    /// <summary>The next symbol from <paramref name="logits"/> (V) under the options' temperature and top-k;
    /// <paramref name="probabilities"/> (V) is scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SampledSymbol Choose(Vocabulary vocabulary, float[] logits, SampleOptions options, Random random, float[] probabilities)
    {
        Distribution.Softmax(logits, options.Temperature, options.TopK, probabilities);
        int next = options.Temperature == 0 ? Distribution.ArgMax(probabilities) : Distribution.Draw(probabilities, random);
        var candidates = Distribution.Top(probabilities, options.Candidates, i => vocabulary[i].ToString());
        return new SampledSymbol(vocabulary[next].ToString(), next, probabilities[next], candidates);
    }
}
