using CharRnnLab.Core.Settings;
using System.Collections.Concurrent;
using Bunit;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Components.Lab;

/// <summary>The run view while its history loads: the test decides when each history arrives.</summary>
public sealed class RunViewLoadingTests : LabComponentContext
{
    private const string First = "20250101-000000-aaaa", Second = "20250101-000000-bbbb";
    private readonly GatedHistories _histories = new();
    private LabHost _lab = null!;
    private RunNotifier _notifier = null!;

    public override async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        _notifier = _lab.Service<RunNotifier>();
        Services.AddSingleton(_lab.Service<RunManager>()); // the run controls' dependency
        Services.AddSingleton(_notifier);
        Services.AddSingleton(_lab.Service<IOptions<LabOptions>>());
        AddYardstickServices(_lab);
        Services.AddSingleton<IRunHistorySource>(_histories);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _lab.DisposeAsync();
    }

    private static RunSummary Run(string id, int iteration) =>
        new(id, "run " + id[^4..], "tiny", RunState.Running, null, iteration, 1000, 2.0, null, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "upload-tiny", RunConfig.Default with { Training = RunConfig.Default.Training with { SampleEvery = 5 } });

    private static ProgressEvent Point(string id, int iteration) =>
        new(id, iteration, 1000, 0.1, 2.0, 2.0, null, 2e-3, 1.0, 5000, iteration, null);

    private static RunHistory History(string id, int iterations) =>
        new(Run(id, iterations), Enumerable.Range(1, iterations).Select(i => Point(id, i)).ToList(), []);

    private static string? ShownRun(IRenderedComponent<RunView> view) =>
        view.FindAll("[data-testid=run-view]").SingleOrDefault()?.GetAttribute("data-run-id");

    [Fact]
    public void While_the_history_loads_a_loading_bar_shows_then_the_run()
    {
        var view = Render<RunView>(p => p.Add(v => v.RunId, First));

        Assert.NotNull(view.Find("[data-testid=run-loading]"));
        Assert.Null(ShownRun(view));

        _histories.Release(History(First, 5));

        view.WaitForAssertion(() => Assert.Equal(First, ShownRun(view)));
        Assert.Empty(view.FindAll("[data-testid=run-loading]"));
    }

    [Fact]
    public void A_history_that_arrives_after_the_view_moved_to_another_run_is_dropped()
    {
        var view = Render<RunView>(p => p.Add(v => v.RunId, First));
        view.Render(p => p.Add(v => v.RunId, Second));

        _histories.Release(History(Second, 5));
        view.WaitForAssertion(() => Assert.Equal(Second, ShownRun(view)));
        int renders = view.RenderCount;
        _histories.Release(History(First, 9));
        view.WaitForState(() => view.RenderCount > renders); // the first load has finished: its render follows it

        Assert.True(_histories.TokenOf(First).IsCancellationRequested);
        Assert.Equal(Second, ShownRun(view));
        Assert.Equal("10", view.Find("[data-testid=loss-chart]").GetAttribute("data-points"));
    }

    [Fact]
    public void Updates_that_arrive_while_the_history_loads_are_shown_on_top_of_it()
    {
        var view = Render<RunView>(p => p.Add(v => v.RunId, First));

        _notifier.Publish(new RunUpdate(Run(First, 7), [Point(First, 6), Point(First, 7)],
            [new SampleEvent(First, 7, 0.8, "hello", 2.0)], StateChanged: false));
        _histories.Release(History(First, 5));

        view.WaitForAssertion(() => Assert.Equal("14", view.Find("[data-testid=loss-chart]").GetAttribute("data-points")));
        Assert.Equal("7", view.Find("[data-testid=sample-entry]").GetAttribute("data-iteration"));
    }

    [Fact]
    public async Task Closing_the_tab_while_the_history_loads_cancels_the_load_and_unsubscribes()
    {
        int subscribers = _notifier.SubscriberCount;
        Render<RunView>(p => p.Add(v => v.RunId, First));
        Assert.Equal(subscribers + 1, _notifier.SubscriberCount);

        await DisposeComponentsAsync();
        _histories.Release(History(First, 5));

        Assert.True(_histories.TokenOf(First).IsCancellationRequested);
        Assert.Equal(subscribers, _notifier.SubscriberCount);
    }

    /// <summary>Hands each run's history over only when the test releases it; remembers each request's token.</summary>
    private sealed class GatedHistories : IRunHistorySource
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<RunHistory>> _gates = new();
        private readonly ConcurrentDictionary<string, CancellationToken> _tokens = new();

        public Task<RunHistory> GetHistoryAsync(string runId, CancellationToken cancellationToken = default)
        {
            _tokens[runId] = cancellationToken;
            return Gate(runId).Task;
        }

        public void Release(RunHistory history) => Gate(history.Run.Id).SetResult(history);

        public CancellationToken TokenOf(string runId) => _tokens[runId];

        private TaskCompletionSource<RunHistory> Gate(string runId) =>
            _gates.GetOrAdd(runId, _ => new TaskCompletionSource<RunHistory>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
