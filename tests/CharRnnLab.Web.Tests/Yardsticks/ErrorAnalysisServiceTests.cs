using CharRnnLab.Core;
using CharRnnLab.Core.Yardsticks.Errors;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Tests.Yardsticks;

/// <summary>The lab's error analysis against Core's (what <c>charrnn errors</c> computes), on the run's validation split.</summary>
public sealed class ErrorAnalysisServiceTests(ErrorsLab lab) : IClassFixture<ErrorsLab>
{
    private ErrorAnalysisService Service => lab.Lab.Service<ErrorAnalysisService>();

    [Fact]
    public async Task One_run_gets_Cores_table_and_categories()
    {
        var view = await Service.AnalyzeAsync(lab.Short.Id, null, 400);

        var core = lab.CoreBreakdown(lab.Short, 400, out string text);
        Assert.Equal(text, view.Text);
        Assert.Equal(core.Categories, view.A.Breakdown.Categories);
        Assert.Equal(core.PerSymbol, view.A.Breakdown.PerSymbol);
        Assert.Equal(core.Probabilities, view.A.Breakdown.Probabilities);
        Assert.Null(view.B);
    }

    [Fact]
    public async Task A_second_run_is_scored_on_the_same_text_and_compared_as_Core_compares()
    {
        var view = await Service.AnalyzeAsync(lab.Short.Id, lab.Longer.Id, 400);

        var expected = ErrorComparison.Of(lab.CoreBreakdown(lab.Short, 400, out _), lab.CoreBreakdown(lab.Longer, 400, out _));
        Assert.Equal(expected.Categories, view.Comparison!.Categories);
        Assert.Equal(expected.NewInB, view.Comparison.NewInB);
        Assert.Equal(lab.Longer.Id, view.B!.Run.Id);
        Assert.Equal(view.A.Breakdown.PerSymbol.Length, view.B.Breakdown.PerSymbol.Length);
    }

    [Fact]
    public async Task A_text_longer_than_the_split_is_the_whole_split()
    {
        var view = await Service.AnalyzeAsync(lab.Short.Id, null, int.MaxValue);

        lab.CoreBreakdown(lab.Short, int.MaxValue, out string split);
        Assert.Equal(split, view.Text);
        Assert.Equal(split.Length - 1, view.A.Breakdown.Predictions);
    }

    [Fact]
    public async Task An_unknown_run_is_refused_with_the_labs_message()
    {
        var refusal = await Assert.ThrowsAnyAsync<CharRnnException>(() => Service.AnalyzeAsync("20250101-000000-ffff", null, 400));

        Assert.Contains("20250101-000000-ffff", refusal.Message);
    }
}
