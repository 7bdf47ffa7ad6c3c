using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>A cell that is "on" inside a selected range and "off" around it.</summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="Unit">0-based unit.</param>
/// <param name="Kind">Which value of the unit.</param>
/// <param name="Score">InsideOn − OutsideOn, in [−1, 1].</param>
/// <param name="InsideOn">Fraction of the range's characters where the cell exceeds the threshold.</param>
/// <param name="OutsideOn">Same fraction over the margins just before and after the range.</param>
public sealed record RangeMatch(int Layer, int Unit, ActivationKind Kind, double Score, double InsideOn, double OutsideOn)
{
    public CellId Cell => new(Layer, Kind, Unit);
}

/// <summary>
/// LSTMVis-style selection search (Strobelt et al. 2017): select characters [start, end) and a
/// threshold; the cells whose value exceeds the threshold on the selection and stays below it
/// on a few characters either side rank first.
/// </summary>
public static class RangeSearch
{
    public static IReadOnlyList<RangeMatch> Find(ActivationRecording recording, int start, int end, float threshold,
        int margin = 3, int top = 20, CellSelection? cells = null)
    {
        int n = recording.Characters;
        if (start < 0 || end > n || start >= end)
            throw new CharRnnException($"The range [{start}, {end}) is not a non-empty part of the {n}-character text.");
        if (margin < 0) throw new CharRnnException($"The margin must not be negative (got {margin}).");
        int[] outside = Enumerable.Range(start - margin, margin).Concat(Enumerable.Range(end, margin))
            .Where(t => t >= 0 && t < n).ToArray();
        var matches = new List<RangeMatch>();
        foreach (var (layer, kind, values) in (cells ?? CellSelection.All).Arrays(recording))
        {
            int units = recording.Units;
            var insideOn = new int[units];
            var outsideOn = new int[units];
            for (int t = start; t < end; t++) ThresholdCounts.AddAbove(values.AsSpan(t * units, units), threshold, insideOn);
            foreach (int t in outside) ThresholdCounts.AddAbove(values.AsSpan(t * units, units), threshold, outsideOn);
            for (int u = 0; u < units; u++)
            {
                double inside = insideOn[u] / (double)(end - start);
                double around = outside.Length == 0 ? 0 : outsideOn[u] / (double)outside.Length;
                matches.Add(new RangeMatch(layer, u, kind, inside - around, inside, around));
            }
        }
        return matches.OrderByDescending(m => m.Score).ThenByDescending(m => m.InsideOn)
            .ThenBy(m => m.Layer).ThenBy(m => m.Kind).ThenBy(m => m.Unit).Take(top).ToList();
    }
}
