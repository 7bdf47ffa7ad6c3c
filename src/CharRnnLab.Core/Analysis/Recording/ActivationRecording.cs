using CharRnnLab.Core.Data;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>A symbol the model expects next, with its probability.</summary>
public readonly record struct SymbolGuess(string Symbol, float Probability);

/// <summary>
/// What a model computed while reading a text: for every character (Unicode scalar value) and
/// every recorded layer and kind, one value per unit, and the model's next-symbol guesses.
/// <para>
/// Conventions: position t is the state <em>after</em> reading character t. Layers are
/// 0-based here (front ends show layer + 1). Every array is row-major
/// [<see cref="Characters"/> × <see cref="Units"/>]: the value of unit u at position t is
/// <c>array[t * Units + u]</c>. Plain arrays, no tensors: safe to hand to any thread.
/// </para>
/// <para>
/// Storage: values are kept in float16 or float32 (<see cref="RecordingMode.Precision"/>), and an
/// LSTM's tanh c and h are computed on read from its c and o (<see cref="StoragePlan"/>); every
/// read returns float32. <see cref="Get"/> of a float32 stored kind is the stored array itself;
/// otherwise each read decodes afresh, so a caller that needs an array repeatedly keeps it.
/// </para>
/// </summary>
public sealed class ActivationRecording
{
    private readonly IReadOnlyDictionary<(int Layer, ActivationKind Kind), ActivationStore> _stores;

    /// <summary>A recording of float32 arrays made elsewhere (fixtures, imports): stored as given.</summary>
    public ActivationRecording(
        ModelConfig config,
        Vocabulary vocabulary,
        string text,
        string[] symbols,
        IReadOnlyDictionary<(int Layer, ActivationKind Kind), float[]> values,
        NextSymbolGuesses guesses,
        RecordingMode mode)
        : this(config, vocabulary, text, symbols, values.ToDictionary(e => e.Key, e => (ActivationStore)new SingleStore(e.Value)), guesses, mode)
    {
    }

    internal ActivationRecording(
        ModelConfig config,
        Vocabulary vocabulary,
        string text,
        string[] symbols,
        IReadOnlyDictionary<(int Layer, ActivationKind Kind), ActivationStore> stores,
        NextSymbolGuesses guesses,
        RecordingMode mode)
    {
        Config = config;
        Vocabulary = vocabulary;
        Text = text;
        Symbols = symbols;
        _stores = stores;
        Guesses = guesses;
        Mode = mode;
        RecordedLayers = stores.Keys.Select(k => k.Layer).Distinct().Order().ToArray();
        RecordedKinds = ActivationKinds.For(config.Cell).Where(k => stores.Keys.Any(v => v.Kind == k)).ToArray();
        Arrays = ActivationKinds.LayerKindPairs(RecordedLayers, RecordedKinds).Where(stores.ContainsKey).ToArray();
    }

    public ModelConfig Config { get; }
    public Vocabulary Vocabulary { get; }
    public string Text { get; }

    /// <summary>The text split into symbols, one per character position.</summary>
    public string[] Symbols { get; }

    public int Characters => Symbols.Length;
    public int Layers => Config.Layers;
    public int Units => Config.Hidden;

    /// <summary>The layers present (0-based), ascending.</summary>
    public IReadOnlyList<int> RecordedLayers { get; }

    /// <summary>The kinds present, in <see cref="ActivationKinds.For"/> order.</summary>
    public IReadOnlyList<ActivationKind> RecordedKinds { get; }

    /// <summary>Every (layer, kind) present, in layer then kind order.</summary>
    public IReadOnlyList<(int Layer, ActivationKind Kind)> Arrays { get; }

    /// <summary>Bytes the stored values take (derived kinds take none).</summary>
    public long StoredBytes => _stores.Values.Sum(s => s.Bytes);

    /// <summary>The model's top guesses for the symbol after each position.</summary>
    public NextSymbolGuesses Guesses { get; }

    /// <summary>How the recording was computed (exact or parallel streams with warm-up) and stored.</summary>
    public RecordingMode Mode { get; }

    /// <summary>The edits applied while reading (docs/interventions.md); empty for the plain model.</summary>
    public IReadOnlyList<Intervention> Interventions { get; init; } = [];

    public bool Has(int layer, ActivationKind kind) => _stores.ContainsKey((layer, kind));

    /// <summary>The [characters × units] values of one layer and kind, as float32.</summary>
    public float[] Get(int layer, ActivationKind kind) => Store(layer, kind).ToArray();

    /// <summary>All units of one layer and kind at one position.</summary>
    public ReadOnlySpan<float> Row(int layer, ActivationKind kind, int position)
    {
        if ((uint)position >= (uint)Characters) throw new ArgumentOutOfRangeException(nameof(position));
        var row = new float[Units];
        Store(layer, kind).Read(position * Units, row);
        return row;
    }

    /// <summary>One unit over the whole text (what a heatmap over the text shows).</summary>
    public float[] Column(int layer, ActivationKind kind, int unit)
    {
        if ((uint)unit >= (uint)Units) throw new ArgumentOutOfRangeException(nameof(unit));
        var column = new float[Characters];
        Store(layer, kind).ReadColumn(unit, Units, column);
        return column;
    }

    private ActivationStore Store(int layer, ActivationKind kind) =>
        _stores.TryGetValue((layer, kind), out var store) ? store : throw new CharRnnException(
            $"The recording has no {ActivationKinds.ShortName(kind)} values for layer {layer + 1}. " +
            $"It holds layers {string.Join(", ", RecordedLayers.Select(l => l + 1))} and kinds " +
            $"{string.Join(", ", RecordedKinds.Select(ActivationKinds.ShortName))}.");
}

/// <summary>
/// The head's next-symbol distribution at each position, reduced to its top K entries.
/// Position t holds the guesses made after reading character t, i.e. for character t + 1.
/// </summary>
/// <param name="Vocabulary">The model's symbols; indices refer to it.</param>
/// <param name="K">Guesses kept per position (min(5, vocabulary size) by default).</param>
/// <param name="SymbolIndices">[characters × K] vocabulary indices, most probable first.</param>
/// <param name="Probabilities">[characters × K] their probabilities.</param>
/// <param name="NextSymbolProbability">Probability the model gave the character that actually
/// follows (NaN at the last position, which has no successor).</param>
public sealed record NextSymbolGuesses(
    Vocabulary Vocabulary, int K, int[] SymbolIndices, float[] Probabilities, float[] NextSymbolProbability)
{
    /// <summary>The top guesses after reading character <paramref name="position"/>.</summary>
    public SymbolGuess[] At(int position)
    {
        var guesses = new SymbolGuess[K];
        for (int k = 0; k < K; k++)
        {
            int i = position * K + k;
            guesses[k] = new SymbolGuess(Vocabulary[SymbolIndices[i]].ToString(), Probabilities[i]);
        }
        return guesses;
    }
}

/// <summary>
/// How a recording was computed. <see cref="Streams"/> = 1 is exact (one sequential pass);
/// more streams read the text in parallel pieces, each starting <see cref="WarmUp"/> characters
/// early so its state has mostly forgotten the zero start (see <see cref="ActivationRecorder"/>).
/// </summary>
public sealed record RecordingMode(int Streams, int WarmUp, int SegmentLength)
{
    public bool IsExact => Streams == 1;

    /// <summary>How the values are stored (reads return float32 either way).</summary>
    public RecordingPrecision Precision { get; init; } = RecordingPrecision.Single;
}
