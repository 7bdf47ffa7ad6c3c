using CharRnnLab.Core.Numerics;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Charts;

/// <summary>The traces of the loss chart, in order.</summary>
public enum LossTrace { Train = 0, Smoothed = 1, Validation = 2 }

/// <summary>What the chart must do after new points: extend traces with new points, or redraw
/// everything (after a compaction or a reset).</summary>
public sealed record LossChartDelta(bool Redraw, IReadOnlyDictionary<LossTrace, IReadOnlyList<ChartPoint>> Added)
{
    public bool IsEmpty => !Redraw && Added.Values.All(points => points.Count == 0);
}

/// <summary>
/// The loss chart's data, independent of Plotly: training loss (raw), its moving average, and
/// validation loss, each decimated to at most <c>maxPoints</c> points. Feeding progress returns
/// the minimal update the chart needs.
/// </summary>
public sealed class LossChartModel
{
    private readonly Dictionary<LossTrace, Decimator<ChartPoint>> _series;
    private int _lastIteration = -1;

    public LossChartModel(int maxPoints = 2000)
    {
        _series = Enum.GetValues<LossTrace>().ToDictionary(t => t, _ => new Decimator<ChartPoint>(maxPoints, ChartPoint.Merge));
    }

    public int LastIteration => _lastIteration;

    /// <summary>Every trace's current points (for a full redraw).</summary>
    public IReadOnlyList<ChartPoint> Points(LossTrace trace) => _series[trace].All.ToList();

    /// <summary>Adds points (iterations already seen are ignored) and says how the chart must change.</summary>
    public LossChartDelta Append(IEnumerable<ProgressEvent> progress)
    {
        var added = Enum.GetValues<LossTrace>().ToDictionary(t => t, _ => new List<ChartPoint>());
        bool redraw = false;
        foreach (var p in progress)
        {
            if (p.Iteration <= _lastIteration) continue;
            _lastIteration = p.Iteration;
            redraw |= Add(LossTrace.Train, new ChartPoint(p.Iteration, p.TrainLoss), added);
            redraw |= Add(LossTrace.Smoothed, new ChartPoint(p.Iteration, p.SmoothedLoss), added);
            if (p.ValidationLoss is { } validation)
                redraw |= Add(LossTrace.Validation, new ChartPoint(p.Iteration, validation), added);
        }
        return new LossChartDelta(redraw, added.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ChartPoint>)kv.Value));
    }

    private bool Add(LossTrace trace, ChartPoint point, Dictionary<LossTrace, List<ChartPoint>> added)
    {
        if (!double.IsFinite(point.Y)) return false;
        var step = _series[trace].Add(point, out var completed);
        if (step == DecimatorStep.Completed) added[trace].Add(completed);
        return step == DecimatorStep.Compacted;
    }
}
