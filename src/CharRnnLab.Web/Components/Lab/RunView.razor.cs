using CharRnnLab.Core;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Shows one run and follows it live. On open it subscribes to the <see cref="RunNotifier"/>
/// first and then reads the run's history, so nothing falls between the two (points already
/// in the history are skipped when they arrive again). Unsubscribes on dispose.
/// </summary>
public partial class RunView : IDisposable
{
    private IDisposable? _subscription;
    private string? _shownRunId;
    private RunSummary? _run;
    private ProgressEvent? _latest;
    private IReadOnlyList<ProgressEvent> _history = [];
    private List<SampleEvent> _samples = [];
    private int _historyVersion;
    private string? _error;
    private LossChart? _chart;

    [Inject] private RunManager Runs { get; set; } = null!;
    [Inject] private RunNotifier Notifier { get; set; } = null!;
    [Inject] private IOptions<LabOptions> Options { get; set; } = null!;

    /// <summary>The run to show.</summary>
    [Parameter, EditorRequired] public string RunId { get; set; } = "";

    private int MaxChartPoints => Options.Value.MaxChartPoints;

    protected override void OnParametersSet()
    {
        if (_shownRunId == RunId) return;
        _shownRunId = RunId;
        _subscription?.Dispose();
        _subscription = Notifier.Subscribe(OnRunUpdate);
        Load();
    }

    private void Load()
    {
        try
        {
            var history = Runs.GetHistory(RunId);
            _run = history.Run;
            _history = history.Progress;
            _latest = history.Progress.Count > 0 ? history.Progress[^1] : null;
            _samples = history.Samples.ToList();
            _historyVersion++;
            _error = null;
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
    }

    private void OnRunUpdate(RunUpdate update)
    {
        if (update.Run.Id != RunId) return;
        _ = InvokeAsync(() => ApplyAsync(update));
    }

    private async Task ApplyAsync(RunUpdate update)
    {
        if (update.Run.Id != _shownRunId) return;
        if (update.HistoryReset)
        {
            Load();
            StateHasChanged();
            return;
        }
        _run = update.Run;
        if (update.Progress.Count > 0) _latest = update.Progress[^1];
        int lastSample = _samples.Count > 0 ? _samples[^1].Iteration : -1;
        _samples.AddRange(update.Samples.Where(s => s.Iteration > lastSample));
        if (_chart is not null) await _chart.AppendAsync(update.Progress);
        StateHasChanged();
    }

    public void Dispose() => _subscription?.Dispose();
}
