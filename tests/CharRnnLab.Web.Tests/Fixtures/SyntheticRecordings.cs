using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>Recordings with known values, for tests that need no model: unit u of layer l at
/// position t holds <see cref="Value"/>(l, kind, t, u), every kind of the cell type present.</summary>
public static class SyntheticRecordings
{
    public static float Value(int layer, ActivationKind kind, int t, int u) =>
        kind == ActivationKind.Cell ? (u + 1) * MathF.Sin(t * 0.3f + layer) * 4
        : ActivationKinds.IsSigmoidGate(kind) ? 0.5f + 0.5f * MathF.Cos(t * 0.2f + u)
        : MathF.Tanh(MathF.Sin(t * 0.1f * (u + 1) + layer + (int)kind));

    public static NeuronRecording Make(string text, int layers = 2, int units = 3, CellType cell = CellType.Lstm,
        string id = "synthetic", IReadOnlyList<FeatureReport>? features = null)
    {
        var vocabulary = Vocabulary.FromText(text);
        var symbols = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        int n = symbols.Length, k = Math.Min(5, vocabulary.Count);
        var values = new Dictionary<(int, ActivationKind), float[]>();
        for (int l = 0; l < layers; l++)
            foreach (var kind in ActivationKinds.For(cell))
            {
                var array = new float[n * units];
                for (int t = 0; t < n; t++)
                    for (int u = 0; u < units; u++) array[t * units + u] = Value(l, kind, t, u);
                values[(l, kind)] = array;
            }
        var indices = Enumerable.Range(0, n * k).Select(i => i % k).ToArray();
        var probabilities = Enumerable.Range(0, n * k).Select(i => 1f / (2 << (i % k))).ToArray();
        var next = Enumerable.Range(0, n).Select(t => t == n - 1 ? float.NaN : 0.25f).ToArray();
        var recording = new ActivationRecording(new ModelConfig(cell, layers, units), vocabulary, text, symbols, values,
            new NextSymbolGuesses(vocabulary, k, indices, probabilities, next), new RecordingMode(1, 0, n));
        var means = values.ToDictionary(v => v.Key, v => NeuronRecording.UnitMeans(v.Value, n, units));
        return new NeuronRecording(id, "run-1", "synthetic run", 1200, "a test text", recording,
            features ?? [], GateStatistics.Compute(recording), means, TimeSpan.FromSeconds(0.1));
    }
}
