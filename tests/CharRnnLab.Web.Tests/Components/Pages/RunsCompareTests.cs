using Bunit;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CharRnnLab.Web.Tests.Components.Pages;

/// <summary>Ticking runs on the Runs page links to the Compare page for them.</summary>
public sealed class RunsCompareTests(CompareLabFixture lab) : LabComponentContext, IClassFixture<CompareLabFixture>
{
    public override Task InitializeAsync()
    {
        AddRunsPageServices(lab.Lab);
        return Task.CompletedTask;
    }

    private static async Task TickAsync(IRenderedComponent<CharRnnLab.Web.Components.Pages.Runs> page, string runId, bool on)
    {
        var box = page.FindComponents<MudCheckBox<bool>>()
            .Single(b => Equals(b.Instance.UserAttributes.GetValueOrDefault("data-select-run"), runId));
        await page.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(on));
    }

    [Fact]
    public async Task Compare_opens_once_two_runs_are_ticked_and_lists_them_as_the_table_does()
    {
        var page = Render<CharRnnLab.Web.Components.Pages.Runs>(_ => { });
        Assert.True(page.Find("[data-testid=compare-button]").HasAttribute("disabled"));

        await TickAsync(page, CompareLabFixture.Lstm, true);
        await TickAsync(page, CompareLabFixture.Rnn, true);
        await TickAsync(page, CompareLabFixture.Gru, true);
        await TickAsync(page, CompareLabFixture.Gru, false);

        var button = page.Find("[data-testid=compare-button]");
        Assert.False(button.HasAttribute("disabled"));
        var listed = page.FindAll("[data-testid=run-row]").Select(r => r.GetAttribute("data-run-id"))
            .Where(id => id is CompareLabFixture.Lstm or CompareLabFixture.Rnn);
        Assert.Equal(CompareLinks.For(listed!), button.GetAttribute("href"));
    }
}
