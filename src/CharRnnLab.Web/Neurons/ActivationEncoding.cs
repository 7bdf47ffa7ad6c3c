using System.Buffers.Binary;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// The compact binary forms the browser fetches once per text (all little-endian).
/// <para>
/// Quantised block of a [rows × columns] array: <c>float32 lo[columns]</c>, <c>float32 hi[columns]</c>,
/// then <c>uint8 q[rows × columns]</c> row-major; the value is <c>lo[u] + q · (hi[u] − lo[u]) / 255</c> (<see cref="Levels"/>).
/// Per-column ranges keep a cell whose c spans ±80 from flattening its neighbours' ±1, and an
/// error of at most (hi − lo) / 510 is far below what a colour shows. 10,000 characters × 128
/// units is 1.25 MB, a quarter of float32.
/// </para>
/// <para>
/// Guesses of n positions, K each: <c>uint16 symbol[n × K]</c> (vocabulary indices), <c>uint16
/// p[n × K]</c> (probability × 65534), <c>uint16 next[n]</c> (probability of the actual next
/// symbol × 65534; 65535 = none, at the last position).
/// </para>
/// </summary>
public static class ActivationEncoding
{
    /// <summary>A probability p is stored as round(p × this).</summary>
    public const int ProbabilityScale = 65534;
    /// <summary>The highest quantisation level: q runs 0 … Levels between a column's lo and hi.</summary>
    public const int Levels = byte.MaxValue;
    public const ushort NoProbability = ushort.MaxValue;

    /// <summary>Bytes of a quantised [rows × columns] block.</summary>
    public static long QuantizedLength(int rows, int columns) => 8L * columns + (long)rows * columns;

    /// <summary>Bytes of the guesses of <paramref name="positions"/> positions with <paramref name="k"/> guesses each.</summary>
    public static long GuessesLength(int positions, int k) => 4L * positions * k + 2L * positions;

    /// <summary>A whole (layer, kind) array [characters × units] as one quantised block.</summary>
    public static byte[] Quantize(float[] values, int rows, int columns)
    {
        var bytes = new byte[QuantizedLength(rows, columns)];
        var (lo, hi) = ColumnRanges(values, rows, columns);
        WriteRanges(bytes, lo, hi);
        var scale = new float[columns];
        for (int u = 0; u < columns; u++) scale[u] = hi[u] > lo[u] ? Levels / (hi[u] - lo[u]) : 0;
        var q = bytes.AsSpan(8 * columns);
        for (int t = 0; t < rows; t++)
        {
            int row = t * columns;
            for (int u = 0; u < columns; u++) q[row + u] = Level(values[row + u], lo[u], scale[u]);
        }
        return bytes;
    }

    /// <summary>One unit over the text in every recorded (layer, kind), as quantised one-column
    /// blocks one after another in <see cref="Arrays"/> order (what the hover panel shows).</summary>
    public static byte[] Unit(ActivationRecording recording, int unit)
    {
        var blocks = Arrays(recording).Select(a => Quantize(recording.Column(a.Layer, a.Kind, unit), recording.Characters, 1));
        return blocks.SelectMany(b => b).ToArray();
    }

    /// <summary>The recorded (layer, kind) pairs in a fixed order: layers ascending, kinds in the cell type's order.</summary>
    public static IReadOnlyList<(int Layer, ActivationKind Kind)> Arrays(ActivationRecording recording) => recording.Arrays;

    public static byte[] Guesses(NextSymbolGuesses guesses, int positions)
    {
        int k = guesses.K;
        var bytes = new byte[GuessesLength(positions, k)];
        var span = bytes.AsSpan();
        for (int i = 0; i < positions * k; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[(2 * i)..], checked((ushort)guesses.SymbolIndices[i]));
            BinaryPrimitives.WriteUInt16LittleEndian(span[(2 * (positions * k + i))..], Probability(guesses.Probabilities[i]));
        }
        for (int t = 0; t < positions; t++)
            BinaryPrimitives.WriteUInt16LittleEndian(span[(4 * positions * k + 2 * t)..], Probability(guesses.NextSymbolProbability[t]));
        return bytes;
    }

    /// <summary>Decodes one value of a quantised block (the browser does the same).</summary>
    public static float Dequantize(byte[] block, int rows, int columns, int row, int column)
    {
        float lo = BinaryPrimitives.ReadSingleLittleEndian(block.AsSpan(4 * column));
        float hi = BinaryPrimitives.ReadSingleLittleEndian(block.AsSpan(4 * (columns + column)));
        return lo + block[8 * columns + row * columns + column] * (hi - lo) / Levels;
    }

    private static (float[] Lo, float[] Hi) ColumnRanges(float[] values, int rows, int columns)
    {
        var lo = Enumerable.Repeat(float.PositiveInfinity, columns).ToArray();
        var hi = Enumerable.Repeat(float.NegativeInfinity, columns).ToArray();
        for (int t = 0; t < rows; t++)
        {
            var row = values.AsSpan(t * columns, columns);
            for (int u = 0; u < columns; u++)
            {
                float v = row[u];
                if (!float.IsFinite(v)) continue;
                if (v < lo[u]) lo[u] = v;
                if (v > hi[u]) hi[u] = v;
            }
        }
        for (int u = 0; u < columns; u++)
            if (lo[u] > hi[u]) lo[u] = hi[u] = 0; // no finite value at all
        return (lo, hi);
    }

    private static void WriteRanges(byte[] bytes, float[] lo, float[] hi)
    {
        for (int u = 0; u < lo.Length; u++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * u), lo[u]);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * (lo.Length + u)), hi[u]);
        }
    }

    private static byte Level(float value, float lo, float scale) =>
        float.IsFinite(value) ? (byte)Math.Clamp(MathF.Round((value - lo) * scale), 0, Levels) : (byte)0;

    private static ushort Probability(float p) =>
        float.IsFinite(p) ? (ushort)Math.Clamp(MathF.Round(p * ProbabilityScale), 0, ProbabilityScale) : NoProbability;
}
