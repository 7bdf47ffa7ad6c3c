using CharRnnLab.Core;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>
/// The Train page: a form for a new run and, beside it, the run being trained (or the one in
/// ?run=…, or the latest one), live.
/// </summary>
public partial class Train : IDisposable
{
    private StartRunRequest _request = RunPresets.Apply(RunPresets.Tiny, new StartRunRequest());
    private IReadOnlyList<CorpusInfo> _corpora = [];
    private string? _shownRunId;
    private bool _starting;
    private IDisposable? _subscription;

    [Inject] private RunManager Runs { get; set; } = null!;
    [Inject] private RunNotifier Notifier { get; set; } = null!;
    [Inject] private ILabCorpora Corpora { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>Run to show instead of the active/latest one.</summary>
    [SupplyParameterFromQuery(Name = "run")] public string? RunId { get; set; }

    private string? BlockedReason => Runs.BusyReason;

    protected override void OnInitialized()
    {
        _corpora = Corpora.List();
        var first = _corpora.FirstOrDefault(c => c.Available);
        if (first is not null) _request = _request with { CorpusId = first.Id };
        // Re-render when any run starts or stops, so the form's Start button follows the slot; a run
        // started elsewhere (another tab, a hub client) is shown unless the URL names a run.
        _subscription = RunSubscription.Listen(Notifier, InvokeAsync, DispatchExceptionAsync, update => update.StateChanged, update =>
        {
            if (RunId is null && update.Run.State == RunState.Running) _shownRunId = update.Run.Id;
            StateHasChanged();
        });
    }

    protected override void OnParametersSet() =>
        _shownRunId = RunId ?? Runs.Active?.Id ?? Runs.List().FirstOrDefault()?.Id;

    /// <summary>After a download: the form offers the new corpus.</summary>
    private void ListCorpora() => _corpora = Corpora.List();

    private async Task StartAsync(StartRunRequest request)
    {
        _starting = true;
        try
        {
            var run = await Runs.StartAsync(request);
            _shownRunId = run.Id;
            Navigation.NavigateTo($"/?run={run.Id}", replace: true);
        }
        catch (CharRnnException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _starting = false;
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
