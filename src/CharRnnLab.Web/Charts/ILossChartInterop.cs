using Plotly.Blazor;

namespace CharRnnLab.Web.Charts;

/// <summary>
/// The two things the loss chart asks of Plotly: append points to traces (extendTraces, no
/// re-sending of the chart) and redraw everything. An interface so component tests can see
/// which one was used without a browser.
/// </summary>
public interface ILossChartInterop
{
    /// <summary>Appends <paramref name="points"/>[i] to trace <paramref name="traces"/>[i].</summary>
    Task ExtendAsync(PlotlyChart chart, IReadOnlyList<LossTrace> traces, IReadOnlyList<IReadOnlyList<ChartPoint>> points);

    /// <summary>Replaces every trace's points and redraws.</summary>
    Task RedrawAsync(PlotlyChart chart, IReadOnlyDictionary<LossTrace, IReadOnlyList<ChartPoint>> points);
}
