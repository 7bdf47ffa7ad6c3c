using Bunit;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Components.Lab;

/// <summary>The run view against a real lab (run manager, notifier, tiny training run).</summary>
public sealed class RunViewTests : LabComponentContext
{
    private LabHost _lab = null!;
    private RunManager _runs = null!;
    private RunNotifier _notifier = null!;
    private string _corpusId = "";

    public override async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        _corpusId = await _lab.AddCorpusAsync();
        _runs = _lab.Service<RunManager>();
        _notifier = _lab.Service<RunNotifier>();
        Services.AddSingleton(_runs);
        Services.AddSingleton<IRunHistorySource>(_runs);
        Services.AddSingleton(_notifier);
        Services.AddSingleton(_lab.Service<IOptions<LabOptions>>());
        AddYardstickServices(_lab);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _lab.DisposeAsync();
    }

    [Fact]
    public async Task It_follows_a_live_run_and_unsubscribes_when_the_tab_closes()
    {
        var run = await _runs.StartAsync(LabHost.TinyRun(_corpusId));
        int subscribers = _notifier.SubscriberCount;

        var view = Render<RunView>(p => p.Add(v => v.RunId, run.Id));

        Assert.Equal(subscribers + 1, _notifier.SubscriberCount);
        view.WaitForAssertion(() => Assert.True(view.FindAll("[data-testid=sample-entry]").Count >= 2), TimeSpan.FromSeconds(30));
        view.WaitForAssertion(() => Assert.NotEmpty(Chart.Extends), TimeSpan.FromSeconds(30));
        Assert.Equal("running", view.Find("[data-testid=run-state]").TextContent);

        await DisposeComponentsAsync();
        Assert.Equal(subscribers, _notifier.SubscriberCount);
        _runs.Stop(run.Id);
    }

    [Fact]
    public void An_unknown_run_is_explained_instead_of_shown()
    {
        var view = Render<RunView>(p => p.Add(v => v.RunId, "20250101-000000-0000"));

        view.WaitForAssertion(() => Assert.Contains("There is no run", view.Find("[data-testid=run-error]").TextContent));
    }
}
