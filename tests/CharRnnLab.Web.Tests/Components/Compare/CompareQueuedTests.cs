using Bunit;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Components.Pages;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CharRnnLab.Web.Tests.Components.Compare;

/// <summary>A Compare page for queue entries: they join as they start, then the URL names their runs.</summary>
public sealed class CompareQueuedTests : LabComponentContext
{
    private LabHost _lab = null!;
    private string _corpusId = "";

    public override async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        _corpusId = await _lab.AddCorpusAsync();
        Services.AddSingleton(_lab.Service<RunManager>());
        Services.AddSingleton(_lab.Service<RunNotifier>());
        Services.AddSingleton(_lab.Service<RunComparisonLoader>());
        Services.AddSingleton(_lab.Service<MemorySpanLoader>());
        AddYardstickServices(_lab);
        Services.AddSingleton(_lab.Service<RunQueue>());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _lab.DisposeAsync();
    }

    [Fact]
    public async Task Queued_runs_wait_then_join_the_chart_and_the_url_ends_up_naming_the_runs()
    {
        var runs = _lab.Service<RunManager>();
        var queue = _lab.Service<RunQueue>();
        var holder = await runs.StartAsync(LabHost.TinyRun(_corpusId) with { Name = "holder" });
        var entries = queue.Enqueue([LabHost.TinyRun(_corpusId) with { Name = "a" }, LabHost.TinyRun(_corpusId) with { Name = "b" }]);
        Navigation.NavigateTo(CompareLinks.For([], queuedIds: entries.Select(e => e.Id)));
        var page = Render<ComparePage>(_ => { });

        Assert.Equal(["a", "b"], page.FindAll("[data-testid=compare-waiting-run]").Select(c => c.TextContent));
        Assert.Empty(page.FindAll("[data-testid=compare-hint]"));

        await _lab.StopRunAsync(holder.Id);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=compare-row]")), TimeSpan.FromSeconds(60));
        Assert.Equal(["b"], page.FindAll("[data-testid=compare-waiting-run]").Select(c => c.TextContent));

        await _lab.StopRunAsync(queue.RunIdOf(entries[0].Id)!);
        await Poll.UntilAsync(() => queue.RunIdOf(entries[1].Id) is not null, "b to start");
        var expected = CompareLinks.For([queue.RunIdOf(entries[0].Id)!, queue.RunIdOf(entries[1].Id)!]);
        page.WaitForAssertion(() => Assert.EndsWith(expected, Navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=compare-row]").Count));
        await _lab.StopRunAsync(queue.RunIdOf(entries[1].Id)!);
    }

    [Fact]
    public void An_entry_that_is_neither_waiting_nor_started_is_reported()
    {
        Navigation.NavigateTo(CompareLinks.For([], queuedIds: ["q-000000000000"]));
        var page = Render<ComparePage>(_ => { });

        Assert.Contains("q-000000000000", page.Find("[data-testid=compare-problem]").TextContent);
    }
}
