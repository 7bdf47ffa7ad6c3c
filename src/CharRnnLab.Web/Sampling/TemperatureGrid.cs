namespace CharRnnLab.Web.Sampling;

/// <summary>
/// The temperatures the sampling panel offers: its slider's range and step, and greedy (0) from its
/// switch. Samples are prepared ahead for exactly these (<see cref="Runs.SampleAhead"/>), so a
/// released slider can land on a text already sampled.
/// </summary>
public static class TemperatureGrid
{
    /// <summary>The slider's lowest temperature.</summary>
    public const double Min = 0.1;

    /// <summary>The slider's highest temperature.</summary>
    public const double Max = 2.0;

    /// <summary>The slider's step.</summary>
    public const double Step = 0.05;

    /// <summary>Every slider position, then greedy (0).</summary>
    public static IReadOnlyList<double> Values { get; } =
        Enumerable.Range(0, (int)Math.Round((Max - Min) / Step) + 1).Select(i => Math.Round(Min + i * Step, 2)).Append(0).ToArray();

    /// <summary>A temperature as a whole number of hundredths (the panel rounds to 0.01), to look samples up by.</summary>
    public static int Key(double temperature) => (int)Math.Round(temperature * 100);

    /// <summary>The grid's temperatures, nearest to <paramref name="temperature"/> first (the slider's likely next stops).</summary>
    public static IEnumerable<double> Nearest(double temperature) =>
        Values.OrderBy(t => Math.Abs(t - temperature)).ThenBy(t => t);
}
