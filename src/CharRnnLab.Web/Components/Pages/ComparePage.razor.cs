using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>
/// The Compare page, <c>/compare?runs=a,b,c&amp;x=chars</c>: the URL is the state (choosing runs or
/// an axis navigates), the curves are read off the page thread, and a compared run that starts or
/// stops is read again so a finished run shows its whole curve.
/// </summary>
public partial class ComparePage : IDisposable
{
    private IReadOnlyList<string> _ids = [];
    private CompareAxis _axis;
    private RunComparison _comparison = RunComparison.Empty;
    private IReadOnlyList<RunSummary> _choices = [];
    private CancellationTokenSource? _load;
    private bool _loading;
    private IDisposable? _subscription;

    [Inject] private RunManager Manager { get; set; } = null!;
    [Inject] private RunComparisonLoader Loader { get; set; } = null!;
    [Inject] private RunNotifier Notifier { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The runs to compare, comma-separated ids (from the URL).</summary>
    [SupplyParameterFromQuery(Name = "runs")] public string? Runs { get; set; }

    /// <summary>The x axis: iterations (default), chars or time (from the URL).</summary>
    [SupplyParameterFromQuery(Name = "x")] public string? X { get; set; }

    protected override void OnInitialized()
    {
        _choices = Manager.List();
        _subscription = RunSubscription.Listen(Notifier, InvokeAsync, DispatchExceptionAsync, update => update.StateChanged,
            update => OnRunChangedAsync(update.Run.Id));
    }

    protected override async Task OnParametersSetAsync()
    {
        _axis = CompareAxes.Parse(X);
        var ids = CompareLinks.ParseRuns(Runs);
        if (ids.SequenceEqual(_ids)) return;
        _ids = ids;
        await LoadAsync();
    }

    private async Task OnRunChangedAsync(string runId)
    {
        _choices = Manager.List();
        if (_ids.Contains(runId)) await LoadAsync();
        StateHasChanged();
    }

    /// <summary>Reads the compared runs; a load overtaken by a newer one is dropped.</summary>
    private async Task LoadAsync()
    {
        _load?.Cancel();
        var load = _load = new CancellationTokenSource();
        _loading = true;
        try
        {
            var comparison = await Loader.LoadAsync(_ids, load.Token);
            if (!load.IsCancellationRequested) _comparison = comparison;
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
        }
        finally
        {
            if (_load == load)
            {
                _loading = false;
                _load = null;
            }
            load.Dispose();
        }
    }

    private void OnRunsChanged(IEnumerable<string> ids) => Navigation.NavigateTo(CompareLinks.For(ids, _axis));

    private void OnAxisChanged(CompareAxis axis) => Navigation.NavigateTo(CompareLinks.For(_ids, axis), replace: true);

    public void Dispose()
    {
        _load?.Cancel();
        _subscription?.Dispose();
    }
}
