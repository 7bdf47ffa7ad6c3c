using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Sampling;

/// <summary>
/// One continuation being generated: a primed stepper, its random stream and the options'
/// temperature and top-k. <see cref="Sampler"/> runs one; <see cref="PairedSampler"/> runs two in lock step.
/// </summary>
internal sealed class SamplingStream
{
    private readonly ManagedRnn _rnn;
    private readonly Random _random;
    private readonly SampleOptions _options;
    private readonly float[] _probabilities;

    /// <summary>Feeds the prime. With no prime, the model starts after a newline (a natural "start of
    /// text") or, if the vocabulary has none, a random symbol.</summary>
    public SamplingStream(ManagedRnn rnn, Random random, SampleOptions options)
    {
        _rnn = rnn;
        _random = random;
        _options = options;
        var vocabulary = rnn.Weights.Vocabulary;
        _probabilities = new float[vocabulary.Count];
        int[] symbols = options.Prime.Length > 0
            ? vocabulary.Encode(options.Prime, "prime text")
            : [vocabulary.TryGetIndex(new System.Text.Rune('\n'), out int nl) ? nl : random.Next(vocabulary.Count)];
        foreach (int s in symbols) Logits = rnn.Step(s).ToArray();
    }

    /// <summary>The model's logits for the next symbol (V).</summary>
    public float[] Logits { get; private set; } = [];

    /// <summary>Draws the next symbol under the temperature and top-k, then feeds it to the model.</summary>
    public SampledSymbol Next()
    {
        var vocabulary = _rnn.Weights.Vocabulary;
        Distribution.Softmax(Logits, _options.Temperature, _options.TopK, _probabilities);
        int next = _options.Temperature == 0 ? Distribution.ArgMax(_probabilities) : Distribution.Draw(_probabilities, _random);
        var candidates = Distribution.Top(_probabilities, _options.Candidates, i => vocabulary[i].ToString());
        Logits = _rnn.Step(next).ToArray();
        return new SampledSymbol(vocabulary[next].ToString(), next, _probabilities[next], candidates);
    }
}
