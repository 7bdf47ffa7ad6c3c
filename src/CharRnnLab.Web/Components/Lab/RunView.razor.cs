using CharRnnLab.Core;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Numerics;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Shows one run and follows it live. On open it subscribes to the <see cref="RunNotifier"/>
/// first and then reads the run's history off the render thread, so nothing falls between the
/// two: updates arriving while the history loads are kept and applied on top of it (points
/// already in the history are skipped). A load superseded by another run, a history reset or
/// disposal is dropped. Unsubscribes on dispose.
/// </summary>
public partial class RunView : IDisposable
{
    private IDisposable? _subscription;
    private CancellationTokenSource? _loading;
    private List<RunUpdate> _arrivedWhileLoading = [];
    private string? _shownRunId;
    private RunSummary? _run;
    private ProgressEvent? _latest;
    private IReadOnlyList<ProgressEvent> _history = [];
    private List<SampleEvent> _samples = [];
    private int _historyVersion;
    private double? _bestValidation;
    private string? _error;
    private LossChart? _chart;

    [Inject] private IRunHistorySource Histories { get; set; } = null!;
    [Inject] private RunNotifier Notifier { get; set; } = null!;
    [Inject] private IOptions<LabOptions> Options { get; set; } = null!;

    /// <summary>The run to show.</summary>
    [Parameter, EditorRequired] public string RunId { get; set; } = "";

    /// <summary>Edits to set in the sampling panel (an edit link's, <see cref="EditLinks"/>), or null for none.</summary>
    [Parameter] public IReadOnlyList<Intervention>? Edits { get; set; }

    /// <summary>Warnings about a link's edits that could not be read, shown in the sampling panel.</summary>
    [Parameter] public IReadOnlyList<string> EditWarnings { get; set; } = [];

    private int MaxChartPoints => Options.Value.MaxChartPoints;

    protected override async Task OnParametersSetAsync()
    {
        if (_shownRunId == RunId) return;
        _shownRunId = RunId;
        (_run, _latest, _error) = (null, null, null);
        _subscription?.Dispose();
        _subscription = RunSubscription.Listen(Notifier, InvokeAsync, DispatchExceptionAsync, update => update.Run.Id == RunId, ApplyAsync);
        await LoadAsync();
    }

    /// <summary>Reads the shown run's history; returns false when this load was superseded meanwhile.</summary>
    private async Task<bool> LoadAsync()
    {
        _loading?.Cancel();
        var load = _loading = new CancellationTokenSource();
        _arrivedWhileLoading = [];
        try
        {
            var history = await Histories.GetHistoryAsync(_shownRunId!, load.Token);
            if (load.IsCancellationRequested) return false;
            Show(history);
            return true;
        }
        catch (Exception) when (load.IsCancellationRequested)
        {
            return false;
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
            return true;
        }
        finally
        {
            if (_loading == load) _loading = null;
            load.Dispose();
        }
    }

    /// <summary>Shows a loaded history plus the updates that arrived while it loaded.</summary>
    private void Show(RunHistory history)
    {
        _run = history.Run;
        _latest = history.Progress.Count > 0 ? history.Progress[^1] : null;
        _history = [.. history.Progress, .. _arrivedWhileLoading.SelectMany(u => u.Progress)];
        _samples = history.Samples.ToList();
        _bestValidation = BestValidation.After(history.BestValidationLoss, _history) ?? _run.ValidationLoss;
        _historyVersion++;
        _error = null;
        foreach (var update in _arrivedWhileLoading) Follow(update);
    }

    private async Task ApplyAsync(RunUpdate update)
    {
        if (update.Run.Id != _shownRunId) return;
        if (update.HistoryReset)
        {
            if (await LoadAsync()) StateHasChanged();
            return;
        }
        if (_loading is not null)
        {
            _arrivedWhileLoading.Add(update);
            return;
        }
        Follow(update);
        if (_chart is not null) await _chart.AppendAsync(update.Progress);
        StateHasChanged();
    }

    /// <summary>Takes an update's run state, latest point and new samples; older news than shown is skipped.</summary>
    private void Follow(RunUpdate update)
    {
        if (_run is null || update.Run.Iteration >= _run.Iteration) _run = update.Run;
        _bestValidation = BestValidation.After(_bestValidation, update.Progress);
        if (update.Progress.Count > 0 && update.Progress[^1].Iteration > (_latest?.Iteration ?? -1)) _latest = update.Progress[^1];
        int lastSample = _samples.Count > 0 ? _samples[^1].Iteration : -1;
        foreach (var sample in update.Samples.Where(s => s.Iteration > lastSample)) Thinning.Add(_samples, sample); // as stored
    }

    public void Dispose()
    {
        _loading?.Cancel();
        _subscription?.Dispose();
    }
}
