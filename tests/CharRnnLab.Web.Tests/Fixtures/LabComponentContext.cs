using Bunit;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Sampling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Plotly.Blazor;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>bUnit context with MudBlazor, loose JS interop (Plotly/MudBlazor scripts are not run),
/// a controllable clock, and recording fakes for the chart interop and the sample source.
/// Disposed asynchronously: MudBlazor's services are only IAsyncDisposable.</summary>
public abstract class LabComponentContext : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();
    private bool _rendered;

    protected LabComponentContext()
    {
        // Generous waits: the machine may be busy; a passing check returns at once anyway.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<TimeProvider>(Time);
        _bunit.Services.AddSingleton<ILossChartInterop>(Chart);
        _bunit.Services.AddSingleton<ISampleSource>(Sampler);
    }

    /// <summary>Services of the components; add to them before the first render.</summary>
    protected IServiceCollection Services => _bunit.Services;

    /// <summary>What the Runs page needs, from a real lab: its runs, queue, corpora, importer and options.</summary>
    protected void AddRunsPageServices(LabHost lab)
    {
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Runs.RunManager>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Runs.RunNotifier>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Runs.RunImporter>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Queue.RunQueue>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Corpora.ILabCorpora>());
        Services.AddSingleton(lab.Service<Microsoft.Extensions.Options.IOptions<CharRnnLab.Web.Hosting.LabOptions>>());
    }

    /// <summary>bUnit's JS interop (loose): set up modules and read what components asked of them.</summary>
    protected BunitJSInterop JSInterop => _bunit.JSInterop;

    /// <summary>The yardsticks' services (n-gram baselines, references, samples, novelty and errors), from a real lab.</summary>
    protected void AddYardstickServices(LabHost lab)
    {
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Yardsticks.NgramBaselineService>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Yardsticks.NgramSampleService>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Yardsticks.NoveltyService>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Yardsticks.ErrorAnalysisService>());
        Services.AddSingleton(lab.Service<CharRnnLab.Web.Compare.NgramReferenceLoader>());
    }

    /// <summary>bUnit's navigation manager: where the page under test navigated to.</summary>
    protected Microsoft.AspNetCore.Components.NavigationManager Navigation => _bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : Microsoft.AspNetCore.Components.IComponent
    {
        if (!_rendered) _bunit.Render<MudPopoverProvider>();
        _rendered = true;
        return _bunit.Render(parameters);
    }

    /// <summary>Disposes every rendered component, as closing the browser tab does.</summary>
    protected Task DisposeComponentsAsync() => _bunit.DisposeComponentsAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await _bunit.DisposeAsync();

    protected FakeTimeProvider Time { get; } = new();
    protected RecordingChartInterop Chart { get; } = new();
    protected RecordingSampleSource Sampler { get; } = new();
}

/// <summary>Records which Plotly operations the loss chart asked for.</summary>
public sealed class RecordingChartInterop : ILossChartInterop
{
    public List<(IReadOnlyList<LossTrace> Traces, IReadOnlyList<IReadOnlyList<ChartPoint>> Points)> Extends { get; } = [];
    public List<IReadOnlyDictionary<LossTrace, IReadOnlyList<ChartPoint>>> Redraws { get; } = [];

    public Task ExtendAsync(PlotlyChart chart, IReadOnlyList<LossTrace> traces, IReadOnlyList<IReadOnlyList<ChartPoint>> points)
    {
        Extends.Add((traces, points));
        return Task.CompletedTask;
    }

    public Task RedrawAsync(PlotlyChart chart, IReadOnlyDictionary<LossTrace, IReadOnlyList<ChartPoint>> points)
    {
        Redraws.Add(points);
        return Task.CompletedTask;
    }
}

/// <summary>Answers sampling requests with a fixed text, recording each request.</summary>
public sealed class RecordingSampleSource : ISampleSource
{
    public List<(double Temperature, string? Prime, int Length, int? Seed)> Requests { get; } = [];
    public string Text { get; set; } = "ab<b>c\n";

    public Task<SampleResult> SampleAsync(string runId, double temperature, string? prime, int length, int? seed, CancellationToken cancellationToken = default)
    {
        Requests.Add((temperature, prime, length, seed));
        var symbols = Text.EnumerateRunes().Select(r => r.ToString())
            .Select(s => new CharRnnLab.Core.Sampling.SampledSymbol(s, 0, 0.5f, [new(s, 0.5f), new("x", 0.25f)]))
            .ToList();
        return Task.FromResult(new SampleResult(runId, 1234, temperature, prime ?? "", Text, symbols));
    }

    public List<(int? Seed, IReadOnlyList<CharRnnLab.Core.Interventions.Intervention> Edits)> PairedRequests { get; } = [];

    /// <summary>The edited continuation of a paired sample (the unedited one is <see cref="Text"/>); equal lengths.</summary>
    public string EditedText { get; set; } = "ab<x>y\n";

    /// <summary>The seed a paired sample reports when asked for none (one drawn for both sides).</summary>
    public int DrawnSeed { get; set; } = 777;

    public Task<PairedSampleResult> SamplePairedAsync(string runId, double temperature, string? prime, int length, int? seed,
        IReadOnlyList<CharRnnLab.Core.Interventions.Intervention> interventions, CancellationToken cancellationToken = default)
    {
        PairedRequests.Add((seed, interventions));
        var (plain, edited) = (Continuation(Text), Continuation(EditedText));
        int? first = Enumerable.Range(0, plain.Symbols.Count).Cast<int?>().FirstOrDefault(n => plain.Symbols[n!.Value].Symbol != edited.Symbols[n.Value].Symbol);
        var kl = plain.Symbols.Select((_, n) => n < (first ?? int.MaxValue) ? 0 : 0.1 * (n + 1)).ToArray();
        LastPaired = new PairedSampleResult(runId, 1234, temperature, prime ?? "", seed ?? DrawnSeed,
            interventions.Select(i => i.ToString()).ToArray(), plain, edited, first, kl, kl.Average());
        return Task.FromResult(LastPaired);
    }

    /// <summary>The paired sample answered last.</summary>
    public PairedSampleResult? LastPaired { get; private set; }

    private static SampledContinuation Continuation(string text) => new(text, text.EnumerateRunes().Select(r => r.ToString())
        .Select(s => new CharRnnLab.Core.Sampling.SampledSymbol(s, 0, 0.5f, [new(s, 0.5f), new("x", 0.25f)])).ToList());
}
