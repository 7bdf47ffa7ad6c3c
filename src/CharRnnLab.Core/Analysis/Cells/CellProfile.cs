using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Interventions;

namespace CharRnnLab.Core.Analysis.Cells;

/// <summary>A stretch of text around one of a cell's peaks, with the cell's value at each of its positions.</summary>
/// <param name="Peak">The position of the peak (0-based character index).</param>
/// <param name="Start">The first position of the window.</param>
/// <param name="PeakValue">The cell's value at the peak.</param>
/// <param name="Values">The cell's value at positions Start … Start + Values.Length − 1.</param>
public sealed record CellSnippet(int Peak, int Start, float PeakValue, float[] Values)
{
    /// <summary>One past the window's last position.</summary>
    public int End => Start + Values.Length;
}

/// <summary>How a cell's values spread: <see cref="Counts"/>[i] values lie in bin i of equal width between
/// <see cref="Min"/> and <see cref="Max"/> (the last bin includes Max).</summary>
public sealed record CellHistogram(float Min, float Max, int[] Counts)
{
    public double BinWidth => Counts.Length == 0 ? 0 : ((double)Max - Min) / Counts.Length;

    /// <summary>The middle of bin <paramref name="bin"/>.</summary>
    public double Centre(int bin) => Min + (bin + 0.5) * BinWidth;
}

/// <summary>Pearson r of the cell with one feature track over the text; 0 when the track is constant there.</summary>
/// <param name="Feature">The track's short name ("quote"), as <see cref="Features.IFeatureTrack.Name"/> gives it.</param>
/// <param name="Description">The track's one-sentence meaning (<see cref="Features.IFeatureTrack.Description"/>).</param>
/// <param name="R">Pearson r between the cell's value and the track's value over the text's positions (−1 … 1).</param>
/// <param name="Varies">False when the track has one value over the whole text, so no cell can follow it.</param>
public sealed record FeatureCorrelation(string Feature, string Description, double R, bool Varies);

/// <summary>
/// The values a clamp of the cell's unit is measured at: the low and high percentile of the state the
/// clamp overwrites (<see cref="Target"/>: c or h, see <see cref="CellProfiler.ClampTarget"/>) over the text.
/// </summary>
public sealed record ClampRange(InterventionTarget Target, double LowPercentile, float Low, double HighPercentile, float High);

/// <summary>
/// Everything a cell's own page shows that a recording alone decides, as compact arrays (no tensor):
/// its peaks in context, the spread of its values, its correlation with each feature track and with
/// the other cells of its kind, and where a clamp of it is measured.
/// </summary>
/// <param name="Cell">The cell.</param>
/// <param name="Characters">Positions in the text.</param>
/// <param name="Mean">Its mean over the text.</param>
/// <param name="Min">Its smallest value.</param>
/// <param name="Max">Its largest value.</param>
/// <param name="MaxAbs">Its largest |value| (what the colour scale of c divides by).</param>
/// <param name="Highest">The windows around its highest values, highest first, none overlapping.</param>
/// <param name="Lowest">The windows around its lowest values, lowest first, none overlapping.</param>
/// <param name="Histogram">How its values spread.</param>
/// <param name="Features">Its r with each feature track, in the tracks' order.</param>
/// <param name="Correlated">The other cells of its kind (any recorded layer) with the largest |r| with it, best first (Score = |r|).</param>
/// <param name="Clamp">Where the clamp effect is measured.</param>
public sealed record CellProfile(
    CellId Cell,
    int Characters,
    float Mean,
    float Min,
    float Max,
    float MaxAbs,
    IReadOnlyList<CellSnippet> Highest,
    IReadOnlyList<CellSnippet> Lowest,
    CellHistogram Histogram,
    IReadOnlyList<FeatureCorrelation> Features,
    IReadOnlyList<RankedCell> Correlated,
    ClampRange Clamp)
{
    /// <summary>The clamp of this cell's unit at <see cref="ClampRange.High"/>, from the first character on.</summary>
    public Intervention ClampHigh => new(Cell.Layer, Cell.Unit, Clamp.Target, InterventionAction.Clamp, Clamp.High);

    /// <summary>The clamp at <see cref="ClampRange.Low"/>.</summary>
    public Intervention ClampLow => new(Cell.Layer, Cell.Unit, Clamp.Target, InterventionAction.Clamp, Clamp.Low);
}

/// <summary>What a cell profile looks at; the defaults are the cell page's.</summary>
public sealed record CellProfileOptions
{
    /// <summary>Snippets listed at each end (highest and lowest).</summary>
    public int Top { get; init; } = 10;

    /// <summary>Characters of context before a peak.</summary>
    public int Before { get; init; } = 40;

    /// <summary>Characters of context after a peak.</summary>
    public int After { get; init; } = 20;

    /// <summary>Histogram bins.</summary>
    public int Bins { get; init; } = 40;

    /// <summary>Most correlated other cells listed.</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>The percentiles (0–100) of the clamped state where the unit is clamped low and high.</summary>
    public double LowPercentile { get; init; } = 5;
    public double HighPercentile { get; init; } = 95;

    /// <summary>Throws <see cref="ConfigException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (Top is < 1 or > 1000) throw new ConfigException($"the number of snippets must be between 1 and 1000 (got {Top}).");
        if (Before is < 0 or > 10_000 || After is < 0 or > 10_000)
            throw new ConfigException($"a snippet's context must be 0 to 10000 characters on each side (got {Before} before, {After} after).");
        if (Bins is < 1 or > 10_000) throw new ConfigException($"the histogram needs 1 to 10000 bins (got {Bins}).");
        if (Neighbours is < 0 or > 10_000) throw new ConfigException($"the number of correlated cells must be 0 to 10000 (got {Neighbours}).");
        if (LowPercentile is < 0 or > 100 || HighPercentile is < 0 or > 100 || LowPercentile >= HighPercentile)
            throw new ConfigException($"the clamp percentiles must satisfy 0 ≤ low < high ≤ 100 (got {LowPercentile} and {HighPercentile}).");
    }
}
