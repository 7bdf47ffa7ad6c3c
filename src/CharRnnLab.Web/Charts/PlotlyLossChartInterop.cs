using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace CharRnnLab.Web.Charts;

/// <summary>Plotly.Blazor implementation: PlotlyChart.ExtendTraces and React.</summary>
public sealed class PlotlyLossChartInterop : ILossChartInterop
{
    public Task ExtendAsync(PlotlyChart chart, IReadOnlyList<LossTrace> traces, IReadOnlyList<IReadOnlyList<ChartPoint>> points) =>
        chart.ExtendTraces(
            points.Select(p => p.Select(point => (object)point.X)),
            points.Select(p => p.Select(point => (object)point.Y)),
            traces.Select(t => (int)t));

    public Task RedrawAsync(PlotlyChart chart, IReadOnlyDictionary<LossTrace, IReadOnlyList<ChartPoint>> points)
    {
        foreach (var (trace, values) in points)
        {
            if (chart.Data[(int)trace] is not Scatter scatter) continue;
            scatter.X = values.Select(p => (object)p.X).ToList();
            scatter.Y = values.Select(p => (object)p.Y).ToList();
        }
        return chart.React();
    }
}
