using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>
/// How often each unit of one layer's gate is saturated: left (nearly closed, &lt; 0.1) and
/// right (nearly open, &gt; 0.9), per unit, as fractions of the characters.
/// </summary>
public sealed record GateSaturation(int Layer, ActivationKind Gate, float[] LeftSaturated, float[] RightSaturated)
{
    public double MeanLeft => LeftSaturated.Average();
    public double MeanRight => RightSaturated.Average();
}

/// <summary>
/// Gate saturation statistics as in Karpathy, Johnson &amp; Fei-Fei 2015 ("Visualizing and
/// Understanding Recurrent Networks", fig. 3): for every recorded sigmoid gate (LSTM i, f, o;
/// GRU r, z) and unit, the fraction of time below <c>left</c> and above <c>right</c>. A forget
/// gate right-saturated most of the time is a cell that remembers for long.
/// </summary>
public static class GateStatistics
{
    public static IReadOnlyList<GateSaturation> Compute(ActivationRecording recording, float left = 0.1f, float right = 0.9f)
    {
        if (!(left < right)) throw new CharRnnException($"The left threshold ({left}) must be below the right one ({right}).");
        var result = new List<GateSaturation>();
        int n = recording.Characters, units = recording.Units;
        var gates = recording.RecordedKinds.Where(ActivationKinds.IsSigmoidGate);
        foreach (var (layer, gate) in ActivationKinds.LayerKindPairs(recording.RecordedLayers, gates))
        {
            var (low, high) = CountSaturated(recording.Get(layer, gate), n, units, left, right);
            result.Add(new GateSaturation(layer, gate, low.Select(c => (float)c / n).ToArray(),
                high.Select(c => (float)c / n).ToArray()));
        }
        return result;
    }

    // Per unit: how many rows are below left / above right.
    private static (int[] Low, int[] High) CountSaturated(float[] values, int n, int units, float left, float right)
    {
        var low = new int[units];
        var high = new int[units];
        for (int t = 0; t < n; t++)
        {
            var row = values.AsSpan(t * units, units);
            ThresholdCounts.AddBelow(row, left, low);
            ThresholdCounts.AddAbove(row, right, high);
        }
        return (low, high);
    }
}
