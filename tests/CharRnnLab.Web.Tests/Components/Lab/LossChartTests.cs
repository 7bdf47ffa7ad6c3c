using Bunit;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Components.Lab;

namespace CharRnnLab.Web.Tests.Components.Lab;

public sealed class LossChartTests : LabComponentContext
{
    [Fact]
    public async Task New_iterations_extend_the_traces_instead_of_resending_the_chart()
    {
        var chart = Render<LossChart>(p => p.Add(c => c.History, [ProgressPoints.Point(1, 4.0), ProgressPoints.Point(2, 3.9)]));

        await chart.InvokeAsync(() => chart.Instance.AppendAsync([ProgressPoints.Point(3, 3.8), ProgressPoints.Point(4, 3.7, validation: 3.75)]));

        var (traces, points) = Assert.Single(Chart.Extends);
        Assert.Equal([LossTrace.Train, LossTrace.Smoothed, LossTrace.Validation], traces);
        Assert.Equal([new ChartPoint(3, 3.8), new ChartPoint(4, 3.7)], points[0]);
        Assert.Equal([new ChartPoint(4, 3.75)], points[2]);
        Assert.Empty(Chart.Redraws);
        Assert.Equal("9", chart.Find("[data-testid=loss-chart]").GetAttribute("data-points"));
    }

    [Fact]
    public async Task Points_already_in_the_history_are_not_sent_again()
    {
        var chart = Render<LossChart>(p => p.Add(c => c.History, [ProgressPoints.Point(1, 4.0), ProgressPoints.Point(2, 3.9)]));

        await chart.InvokeAsync(() => chart.Instance.AppendAsync([ProgressPoints.Point(2, 3.9)]));

        Assert.Empty(Chart.Extends);
        Assert.Empty(Chart.Redraws);
    }

    [Fact]
    public async Task A_long_run_redraws_a_few_times_and_stays_within_the_point_budget()
    {
        var chart = Render<LossChart>(p => p.Add(c => c.History, []).Add(c => c.MaxPoints, 200));

        for (int start = 1; start <= 20_000; start += 100)
        {
            var batch = Enumerable.Range(start, 100).Select(i => ProgressPoints.Point(i, 3.0)).ToList();
            await chart.InvokeAsync(() => chart.Instance.AppendAsync(batch));
        }

        Assert.InRange(Chart.Redraws.Count, 5, 8); // log2(20000 / 200) compactions
        Assert.All(Chart.Redraws[^1].Values, trace => Assert.InRange(trace.Count, 0, 201));
        Assert.InRange(chart.Instance.PointCount, 100, 402);
        Assert.True(Chart.Extends.Count > 100);
    }
}
