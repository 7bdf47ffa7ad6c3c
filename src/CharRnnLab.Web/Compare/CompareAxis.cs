using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Compare;

/// <summary>What the Compare chart's x axis measures. Runs with different batch or sequence sizes
/// line up fairly on characters seen; runs on different machines on wall time.</summary>
public enum CompareAxis { Iterations, Characters, WallTime }

public static class CompareAxes
{
    /// <summary>The axis's name in the page URL (<c>x=chars</c>).</summary>
    public static string Wire(this CompareAxis axis) => axis switch
    {
        CompareAxis.Characters => "chars",
        CompareAxis.WallTime => "time",
        _ => "iterations",
    };

    /// <summary>The axis named in a URL; iterations for a missing or unknown name.</summary>
    public static CompareAxis Parse(string? wire) =>
        Enum.GetValues<CompareAxis>().FirstOrDefault(a => string.Equals(a.Wire(), wire, StringComparison.OrdinalIgnoreCase));

    /// <summary>The axis title on the chart.</summary>
    public static string Title(this CompareAxis axis) => axis switch
    {
        CompareAxis.Characters => "characters seen (iteration × batch × sequence)",
        CompareAxis.WallTime => "wall time (s)",
        _ => "iteration",
    };

    /// <summary>The button label.</summary>
    public static string Label(this CompareAxis axis) => axis switch
    {
        CompareAxis.Characters => "characters seen",
        CompareAxis.WallTime => "wall time",
        _ => "iterations",
    };

    /// <summary>Where <paramref name="point"/> of a run trained with <paramref name="training"/> lies on the axis.</summary>
    public static double X(this CompareAxis axis, ProgressEvent point, TrainingConfig training) => axis switch
    {
        CompareAxis.Characters => (double)point.Iteration * training.Batch * training.Seq,
        CompareAxis.WallTime => point.ElapsedSeconds,
        _ => point.Iteration,
    };
}
