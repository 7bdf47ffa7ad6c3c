using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>A hand-made recording: Gaussian-noise cells into which tests plant "neurons".</summary>
internal sealed class SyntheticRecording
{
    private readonly Random _rng;
    public int Characters { get; }
    public int Units { get; }
    public Dictionary<(int Layer, ActivationKind Kind), float[]> Values { get; } = new();

    public SyntheticRecording(int characters, int units, int seed = 3)
    {
        _rng = new Random(seed);
        Characters = characters;
        Units = units;
        foreach (int layer in new[] { 0, 1 })
            foreach (var kind in new[] { ActivationKind.Cell, ActivationKind.Hidden })
                Values[(layer, kind)] = Enumerable.Range(0, characters * units).Select(_ => Gaussian()).ToArray();
    }

    public float Gaussian() =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble()));

    /// <summary>Overwrites one cell's column.</summary>
    public void Plant(int layer, ActivationKind kind, int unit, Func<int, float> value)
    {
        var array = Values[(layer, kind)];
        for (int t = 0; t < Characters; t++) array[t * Units + unit] = value(t);
    }

    public float[] Column(int layer, ActivationKind kind, int unit) =>
        Enumerable.Range(0, Characters).Select(t => Values[(layer, kind)][t * Units + unit]).ToArray();

    /// <summary>Random 0/1 spans (lengths 5–40), like quotes in a text.</summary>
    public float[] BinarySpans()
    {
        var feature = new float[Characters];
        int t = 0;
        bool on = false;
        while (t < Characters)
        {
            int length = _rng.Next(5, 40);
            for (int i = t; i < Math.Min(Characters, t + length); i++) feature[i] = on ? 1 : 0;
            t += length;
            on = !on;
        }
        return feature;
    }

    public ActivationRecording Build()
    {
        string text = new('a', Characters);
        var config = new ModelConfig(CellType.Lstm, 2, Units);
        var vocabulary = Vocabulary.FromText("a");
        var guesses = new NextSymbolGuesses(vocabulary, 1, new int[Characters], new float[Characters], new float[Characters]);
        return new ActivationRecording(config, vocabulary, text, text.Select(c => c.ToString()).ToArray(),
            Values, guesses, new RecordingMode(1, 0, Characters));
    }
}
