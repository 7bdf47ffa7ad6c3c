using System.Numerics;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>A cell and how well it tracks something.</summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="Unit">0-based unit.</param>
/// <param name="Kind">Which value of the unit.</param>
/// <param name="Score">|r| for correlation, |weight| for a probe, a fraction difference for range search.</param>
/// <param name="Sign">+1 if the cell rises with the feature, −1 if it falls.</param>
public sealed record RankedCell(int Layer, int Unit, ActivationKind Kind, double Score, int Sign)
{
    public CellId Cell => new(Layer, Kind, Unit);
}

/// <summary>
/// Pearson correlation of every cell with a feature track, in managed SIMD code (no libtorch,
/// so any thread may call it). One pass over each [characters × units] array accumulates
/// Σx, Σx² and Σx·(f − f̄) per unit: float sums over blocks of rows, added up in double, with
/// x shifted by a sample of its own column so a cell with a large mean and a small spread
/// keeps its variance (no catastrophic cancellation).
/// </summary>
public static class CorrelationRanker
{
    private const int BlockRows = 256;

    /// <summary>The <paramref name="top"/> cells with the largest |r|, best first.</summary>
    public static IReadOnlyList<RankedCell> Rank(ActivationRecording recording, float[] feature, int top = 10,
        CellSelection? cells = null) =>
        All(recording, feature, cells).OrderByDescending(c => c.Score).ThenBy(c => c.Layer).ThenBy(c => c.Kind)
            .ThenBy(c => c.Unit).Take(top).ToList();

    /// <summary>Every selected cell's correlation, unsorted.</summary>
    public static IEnumerable<RankedCell> All(ActivationRecording recording, float[] feature, CellSelection? cells = null)
    {
        if (feature.Length != recording.Characters)
            throw new ArgumentException($"The feature has {feature.Length} values for {recording.Characters} characters.", nameof(feature));
        return OverPrefix(recording, feature, cells);
    }

    /// <summary>Correlations over the first feature.Length characters only (a probe's training part).</summary>
    internal static IEnumerable<RankedCell> OverPrefix(ActivationRecording recording, float[] feature, CellSelection? cells)
    {
        foreach (var (layer, kind, values) in (cells ?? CellSelection.All).Arrays(recording))
        {
            double[] r = Correlations(values, recording.Units, feature);
            for (int u = 0; u < r.Length; u++)
                yield return new RankedCell(layer, u, kind, Math.Abs(r[u]), r[u] < 0 ? -1 : 1);
        }
    }

    /// <summary>
    /// r of each column of a row-major [n × units] array with <paramref name="feature"/> (n values).
    /// A constant column or feature has r = 0.
    /// </summary>
    public static double[] Correlations(float[] values, int units, float[] feature)
    {
        int n = feature.Length;
        double mean = feature.Average(v => (double)v);
        var centred = feature.Select(v => (float)(v - mean)).ToArray();
        double featureSquares = centred.Sum(v => (double)v * v);
        var (sum, squares, products) = Moments(values, units, centred);
        var r = new double[units];
        for (int u = 0; u < units; u++)
        {
            double variance = squares[u] - sum[u] * sum[u] / n; // n · Var(x)
            double denominator = Math.Sqrt(variance * featureSquares);
            r[u] = denominator > 1e-12 * n ? Math.Clamp(products[u] / denominator, -1, 1) : 0;
        }
        return r;
    }

    // Σx', Σx'², Σx'·w per column, for x' = x − (the column's middle value); Σw = 0 so Σx'·w = Σx·w.
    private static (double[] Sum, double[] Squares, double[] Products) Moments(float[] values, int units, float[] weights)
    {
        var shift = values.AsSpan(weights.Length / 2 * units, units).ToArray();
        var sum = new double[units];
        var squares = new double[units];
        var products = new double[units];
        var s = new float[units];
        var q = new float[units];
        var p = new float[units];
        for (int start = 0; start < weights.Length; start += BlockRows)
        {
            Array.Clear(s); Array.Clear(q); Array.Clear(p);
            int end = Math.Min(weights.Length, start + BlockRows);
            for (int t = start; t < end; t++) Accumulate(values.AsSpan(t * units, units), shift, weights[t], s, q, p);
            for (int u = 0; u < units; u++) { sum[u] += s[u]; squares[u] += q[u]; products[u] += p[u]; }
        }
        return (sum, squares, products);
    }

    private static void Accumulate(ReadOnlySpan<float> row, ReadOnlySpan<float> shift, float weight,
        Span<float> s, Span<float> q, Span<float> p)
    {
        int u = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            for (; u <= row.Length - Vector<float>.Count; u += Vector<float>.Count)
            {
                var x = new Vector<float>(row[u..]) - new Vector<float>(shift[u..]);
                (new Vector<float>(s[u..]) + x).CopyTo(s[u..]);
                (new Vector<float>(q[u..]) + x * x).CopyTo(q[u..]);
                (new Vector<float>(p[u..]) + x * w).CopyTo(p[u..]);
            }
        }
        for (; u < row.Length; u++)
        {
            float x = row[u] - shift[u];
            s[u] += x; q[u] += x * x; p[u] += x * weight;
        }
    }
}
