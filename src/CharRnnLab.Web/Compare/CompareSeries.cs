using CharRnnLab.Core.Numerics;
using CharRnnLab.Web.Charts;

namespace CharRnnLab.Web.Compare;

/// <summary>One run's two curves on the Compare chart: smoothed training loss and validation loss.</summary>
public sealed record CompareSeries(string RunId, string Name, IReadOnlyList<ChartPoint> Training, IReadOnlyList<ChartPoint> Validation)
{
    /// <summary>
    /// The run's curves against <paramref name="axis"/>, each at most <paramref name="maxPoints"/>
    /// points (bucket-averaged by the <see cref="Decimator{T}"/>, so many runs together stay light).
    /// Non-finite losses (a diverged run) are left out.
    /// </summary>
    public static CompareSeries Of(ComparedRun run, CompareAxis axis, int maxPoints)
    {
        var training = new Decimator<ChartPoint>(maxPoints, ChartPoint.Merge);
        var validation = new Decimator<ChartPoint>(maxPoints, ChartPoint.Merge);
        foreach (var point in run.Progress)
        {
            double x = axis.X(point, run.Run.Config.Training);
            if (double.IsFinite(point.SmoothedLoss)) training.Add(new ChartPoint(x, point.SmoothedLoss), out _);
            if (point.ValidationLoss is { } v && double.IsFinite(v)) validation.Add(new ChartPoint(x, v), out _);
        }
        return new CompareSeries(run.Run.Id, run.Run.Name, training.All.ToList(), validation.All.ToList());
    }
}
