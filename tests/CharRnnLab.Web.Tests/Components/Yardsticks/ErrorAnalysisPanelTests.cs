using Bunit;
using CharRnnLab.Core.Yardsticks.Errors;
using CharRnnLab.Web.Components.Yardsticks;
using CharRnnLab.Web.Yardsticks;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CharRnnLab.Web.Tests.Components.Yardsticks;

/// <summary>The run page's error analysis: the table and the coloured text, for one run and against a second.</summary>
public sealed class ErrorAnalysisPanelTests(ErrorsLab lab) : LabComponentContext, IClassFixture<ErrorsLab>
{
    public override Task InitializeAsync()
    {
        AddYardstickServices(lab.Lab);
        Services.AddSingleton(lab.Lab.Service<CharRnnLab.Web.Runs.RunManager>());
        return Task.CompletedTask;
    }

    private async Task<IRenderedComponent<ErrorAnalysisPanel>> AnalyseAsync(string? versus = null)
    {
        var panel = Render<ErrorAnalysisPanel>(p => p.Add(x => x.Run, lab.Short));
        Assert.Empty(panel.FindAll("[data-testid=errors-table]")); // nothing runs before the press
        await panel.InvokeAsync(() => panel.FindComponents<MudSelect<int>>()[0].Instance.ValueChanged.InvokeAsync(5_000));
        if (versus is not null) await panel.InvokeAsync(() => panel.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(versus));
        panel.Find("[data-testid=errors-analyze]").Click();
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=errors-table]")), TimeSpan.FromSeconds(60));
        return panel;
    }

    [Fact]
    public async Task The_table_is_Cores_and_the_text_is_coloured_by_category()
    {
        var panel = await AnalyseAsync();

        var core = lab.CoreBreakdown(lab.Short, 5_000, out string text);
        Assert.Equal(core.Categories.Select(c => c.Count.ToString("N0")), panel.FindAll("[data-testid=errors-count]").Select(c => c.TextContent));
        Assert.Equal(core.Categories.Select(c => c.Share.ToString("0.0%")), panel.FindAll("[data-testid=errors-share]").Select(c => c.TextContent));
        Assert.Equal(text, panel.Find("[data-testid=errors-text]").TextContent);
        var coloured = panel.FindAll("[data-testid=errors-text] span[data-category]");
        int errors = coloured.Sum(s => s.TextContent.Length);
        Assert.Equal(core.PerSymbol.Count(c => ErrorColouring.Colour(c) is not null), errors);
    }

    [Fact]
    public async Task A_second_run_adds_what_it_fixes_and_can_colour_the_text()
    {
        var panel = await AnalyseAsync(lab.Longer.Id);

        var comparison = ErrorComparison.Of(lab.CoreBreakdown(lab.Short, 5_000, out _), lab.CoreBreakdown(lab.Longer, 5_000, out _));
        Assert.Equal(comparison.Categories.Select(c => c.FixedByB.ToString("N0")), panel.FindAll("[data-testid=errors-fixed]").Select(c => c.TextContent));
        Assert.Contains($"{comparison.NewInB:N0} wrong that", panel.Find("[data-testid=errors-summary]").TextContent);

        await panel.InvokeAsync(() => panel.FindComponent<MudToggleGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));

        int errorsOfB = panel.FindAll("[data-testid=errors-text] span[data-category]").Sum(s => s.TextContent.Length);
        Assert.Equal(comparison.B.PerSymbol.Count(c => ErrorColouring.Colour(c) is not null), errorsOfB);
    }
}
