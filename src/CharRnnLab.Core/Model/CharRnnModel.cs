using CharRnnLab.Core.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Model;

/// <summary>
/// The char-RNN: symbols (B, T) → embedding (B, T, E) or one-hot (B, T, V) → stacked
/// LSTM/GRU/tanh-RNN (B, T, H) with dropout between layers → linear head → logits (B, T, V).
/// Parameters are initialised from <c>seed</c> with a private generator, so two models built
/// with the same seed are identical whatever else uses torch's global RNG meanwhile.
/// </summary>
public sealed class CharRnnModel : nn.Module<Tensor, RecurrentState, (Tensor Logits, RecurrentState State)>
{
    private readonly Embedding? _embedding;
    private readonly nn.Module _rnn;
    private readonly Linear _head;

    public CharRnnModel(ModelConfig config, int vocabularySize, long seed = 0) : base(nameof(CharRnnModel))
    {
        config.Validate();
        if (vocabularySize < 1) throw new ConfigException($"vocabulary size must be at least 1 (got {vocabularySize}).");
        Config = config;
        VocabularySize = vocabularySize;

        int inputSize = config.InputSize(vocabularySize);
        double dropout = config.Layers > 1 ? config.Dropout : 0; // torch ignores (and warns about) dropout after the last layer
        if (config.Embedding > 0) _embedding = nn.Embedding(vocabularySize, config.Embedding);
        _rnn = config.Cell switch
        {
            CellType.Lstm => nn.LSTM(inputSize, config.Hidden, config.Layers, batchFirst: true, dropout: dropout),
            CellType.Gru => nn.GRU(inputSize, config.Hidden, config.Layers, batchFirst: true, dropout: dropout),
            _ => nn.RNN(inputSize, config.Hidden, config.Layers, nn.NonLinearities.Tanh, batchFirst: true, dropout: dropout),
        };
        _head = nn.Linear(config.Hidden, vocabularySize);

        if (_embedding is not null) register_module("embedding", _embedding);
        register_module("rnn", _rnn);
        register_module("head", _head);
        Initialise(seed);
    }

    public ModelConfig Config { get; }
    public int VocabularySize { get; }

    /// <summary>The embedding table's module; null for one-hot input.</summary>
    internal Embedding? EmbeddingLayer => _embedding;

    /// <summary>The linear head, hidden → logits.</summary>
    internal Linear Head => _head;

    /// <param name="symbols">(B, T) int64 symbol indices.</param>
    /// <param name="state">Hidden state from the previous minibatch, (L, B, H) each.</param>
    /// <returns>Logits (B, T, V) and the new hidden state (still attached to the graph).</returns>
    public override (Tensor Logits, RecurrentState State) forward(Tensor symbols, RecurrentState state)
    {
        using var input = Inputs(symbols);
        return ForwardInputs(input, state);
    }

    /// <summary>The vectors the recurrence reads: (B, T) symbols → embedding rows (B, T, E) or one-hot (B, T, V).</summary>
    public Tensor Inputs(Tensor symbols) => _embedding is not null
        ? _embedding.call(symbols)
        : nn.functional.one_hot(symbols, VocabularySize).to(ScalarType.Float32);

    /// <summary>The forward from input vectors (B, T, I) on, so a caller can differentiate with respect to them.</summary>
    public (Tensor Logits, RecurrentState State) ForwardInputs(Tensor input, RecurrentState state)
    {
        var (output, next) = Recur(input, state);                            // (B, T, H)
        using (output) return (_head.call(output), next);                    // (B, T, V)
    }

    private (Tensor Output, RecurrentState State) Recur(Tensor input, RecurrentState state)
    {
        switch (_rnn)
        {
            case LSTM lstm:
                var (output, h, c) = lstm.call(input, (state.H, state.C ?? throw new ArgumentException("LSTM needs a cell state.")));
                return (output, new RecurrentState(h, c));
            case GRU gru:
                var (gruOutput, gruH) = gru.call(input, state.H);
                return (gruOutput, new RecurrentState(gruH, null));
            case RNN rnn:
                var (rnnOutput, rnnH) = rnn.call(input, state.H);
                return (rnnOutput, new RecurrentState(rnnH, null));
            default:
                throw new InvalidOperationException($"Unexpected recurrent module {_rnn.GetType().Name}.");
        }
    }

    public RecurrentState ZeroState(int batch) => RecurrentState.Zeros(Config, batch, _head.weight!.device);

    public Device Device => _head.weight!.device;

    /// <summary>
    /// PyTorch's default ranges (±1/√H for recurrent and head weights, N(0, 1) for the
    /// embedding), drawn from a managed RNG seeded with <paramref name="seed"/> (torch's own
    /// generator is global and shared with anything else in the process); then the LSTM
    /// forget-gate bias set to 1 (b_ih f-slice 1, b_hh f-slice 0: their sum is what the cell
    /// adds), so the cell remembers by default early in training.
    /// </summary>
    private void Initialise(long seed)
    {
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        float bound = 1f / MathF.Sqrt(Config.Hidden);
        float Uniform() => (float)(random.NextDouble() * 2 - 1) * bound;
        float Normal() => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

        if (_embedding is not null) Fill(_embedding.weight!, Normal);
        foreach (var (_, p) in _rnn.named_parameters()) Fill(p, Uniform);
        Fill(_head.weight!, Uniform);
        Fill(_head.bias!, Uniform);
        if (Config.Cell != CellType.Lstm) return;
        using var noGrad = torch.no_grad();
        var rnnParameters = RecurrentParameters();
        long h = Config.Hidden;
        for (int layer = 0; layer < Config.Layers; layer++)
        {
            rnnParameters[$"bias_ih_l{layer}"].narrow(0, h, h).fill_(1.0);
            rnnParameters[$"bias_hh_l{layer}"].narrow(0, h, h).fill_(0.0);
        }
    }

    private static void Fill(Tensor parameter, Func<float> draw)
    {
        var values = new float[parameter.numel()];
        for (int i = 0; i < values.Length; i++) values[i] = draw();
        TensorConvert.CopyInto(parameter, values, "initial weights");
    }

    internal Dictionary<string, Parameter> RecurrentParameters() =>
        _rnn.named_parameters().ToDictionary(p => p.name, p => p.parameter);

    /// <summary>A detached CPU copy of every weight, in PyTorch layout (see <see cref="ModelWeights"/>).</summary>
    public ModelWeights ToWeights(Vocabulary vocabulary, int iteration)
    {
        if (vocabulary.Count != VocabularySize)
            throw new ArgumentException($"vocabulary has {vocabulary.Count} symbols, model has {VocabularySize}.");
        var rnn = RecurrentParameters();
        var layers = new LayerWeights[Config.Layers];
        for (int l = 0; l < layers.Length; l++)
            layers[l] = new LayerWeights(
                l == 0 ? Config.InputSize(VocabularySize) : Config.Hidden, Config.Hidden,
                TensorConvert.ToFloats(rnn[$"weight_ih_l{l}"]), TensorConvert.ToFloats(rnn[$"weight_hh_l{l}"]),
                TensorConvert.ToFloats(rnn[$"bias_ih_l{l}"]), TensorConvert.ToFloats(rnn[$"bias_hh_l{l}"]));
        return new ModelWeights(
            Config, vocabulary,
            _embedding is null ? null : TensorConvert.ToFloats(_embedding.weight!),
            layers, TensorConvert.ToFloats(_head.weight!), TensorConvert.ToFloats(_head.bias!), iteration);
    }

    /// <summary>Overwrites this module's parameters with <paramref name="weights"/> (same shape required).</summary>
    public void LoadWeights(ModelWeights weights)
    {
        if (weights.Config != Config || weights.Vocabulary.Count != VocabularySize)
            throw new CheckpointException(
                $"The weights are for a {Describe(weights.Config, weights.Vocabulary.Count)} " +
                $"but this model is a {Describe(Config, VocabularySize)}.");
        if (weights.Layers.Length != Config.Layers)
            throw new CheckpointException($"The weights have {weights.Layers.Length} layer(s); the model has {Config.Layers}.");
        var rnn = RecurrentParameters();
        for (int l = 0; l < Config.Layers; l++)
        {
            var layer = weights.Layers[l];
            TensorConvert.CopyInto(rnn[$"weight_ih_l{l}"], layer.WeightIh, $"weight_ih_l{l}");
            TensorConvert.CopyInto(rnn[$"weight_hh_l{l}"], layer.WeightHh, $"weight_hh_l{l}");
            TensorConvert.CopyInto(rnn[$"bias_ih_l{l}"], layer.BiasIh, $"bias_ih_l{l}");
            TensorConvert.CopyInto(rnn[$"bias_hh_l{l}"], layer.BiasHh, $"bias_hh_l{l}");
        }
        if (_embedding is not null)
            TensorConvert.CopyInto(_embedding.weight!, weights.Embedding ?? throw new CheckpointException("The weights lack the embedding table."), "embedding");
        TensorConvert.CopyInto(_head.weight!, weights.HeadWeight, "head.weight");
        TensorConvert.CopyInto(_head.bias!, weights.HeadBias, "head.bias");
    }

    /// <summary>Builds a CPU module holding <paramref name="weights"/>.</summary>
    public static CharRnnModel FromWeights(ModelWeights weights)
    {
        var model = new CharRnnModel(weights.Config, weights.Vocabulary.Count);
        model.LoadWeights(weights);
        return model;
    }

    private static string Describe(ModelConfig c, int vocabulary) =>
        $"{c.Cell} {c.Layers}×{c.Hidden} (embedding {c.Embedding}, vocabulary {vocabulary})";
}
