using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>
/// The Compare page, <c>/compare?runs=a,b,c&amp;queued=q-…&amp;x=chars</c>: the URL is the state
/// (choosing runs or an axis navigates). Curves are read off the page thread; a compared run that
/// starts or stops is read again, and one that trains every <see cref="LiveRefresh"/>. Queue entries
/// join the comparison as they start; once all have, the URL names their runs instead.
/// </summary>
public partial class ComparePage : IDisposable
{
    /// <summary>How often the curves of a compared run that is training are read again.</summary>
    public static readonly TimeSpan LiveRefresh = TimeSpan.FromSeconds(2);

    private IReadOnlyList<string> _runIds = [], _queuedIds = [], _ids = [];
    private IReadOnlyList<QueuedRun> _waiting = [];
    private IReadOnlyList<string> _gone = [];
    private CompareAxis _axis;
    private RunComparison _comparison = RunComparison.Empty;
    private IReadOnlyList<RunSummary> _choices = [];
    private CancellationTokenSource? _load;
    private bool _loading;
    private DateTimeOffset _loadedAt;
    private IDisposable? _subscription;
    private IDisposable? _queueSubscription;
    private NgramReferences _references = NgramReferences.None;
    private IReadOnlyList<(string CorpusId, double Fraction)> _referencedCorpora = [];
    private CancellationTokenSource? _referencesLoad;

    [Inject] private RunManager Manager { get; set; } = null!;
    [Inject] private RunComparisonLoader Loader { get; set; } = null!;
    [Inject] private NgramReferenceLoader ReferenceLoader { get; set; } = null!;
    [Inject] private RunNotifier Notifier { get; set; } = null!;
    [Inject] private RunQueue Queue { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    /// <summary>The runs to compare, comma-separated ids (from the URL).</summary>
    [SupplyParameterFromQuery(Name = "runs")] public string? Runs { get; set; }

    /// <summary>Queue entries whose runs to compare once they start (from the URL).</summary>
    [SupplyParameterFromQuery(Name = "queued")] public string? Queued { get; set; }

    /// <summary>The x axis: iterations (default), chars or time (from the URL).</summary>
    [SupplyParameterFromQuery(Name = "x")] public string? X { get; set; }

    protected override void OnInitialized()
    {
        _choices = Manager.List();
        _subscription = RunSubscription.Listen(Notifier, InvokeAsync, DispatchExceptionAsync, _ => true, OnRunUpdateAsync);
        _queueSubscription = RunSubscription.Listen(Queue, InvokeAsync, DispatchExceptionAsync, OnQueueChangedAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        _axis = CompareAxes.Parse(X);
        (_runIds, _queuedIds) = (CompareLinks.ParseRuns(Runs), CompareLinks.ParseRuns(Queued));
        await ResolveAsync();
    }

    /// <summary>Finds the runs queue entries became; reloads when the set of runs changed.</summary>
    private async Task ResolveAsync()
    {
        var started = _queuedIds.Select(id => (Id: id, Run: Queue.RunIdOf(id))).ToList();
        var waiting = Queue.List();
        _waiting = waiting.Where(e => _queuedIds.Contains(e.Id)).ToList();
        _gone = started.Where(s => s.Run is null && !waiting.Any(e => e.Id == s.Id)).Select(s => s.Id).ToList();
        var ids = _runIds.Concat(started.Where(s => s.Run is not null).Select(s => s.Run!)).Distinct().ToList();
        if (_queuedIds.Count > 0 && _waiting.Count == 0 && _gone.Count == 0)
        {
            Navigation.NavigateTo(CompareLinks.For(ids, _axis), replace: true); // every entry started: name the runs
            return;
        }
        if (ids.SequenceEqual(_ids)) return;
        _ids = ids;
        await LoadAsync();
    }

    private async Task OnQueueChangedAsync()
    {
        await ResolveAsync();
        StateHasChanged();
    }

    private async Task OnRunUpdateAsync(RunUpdate update)
    {
        if (update.StateChanged) _choices = Manager.List();
        bool compared = _ids.Contains(update.Run.Id);
        bool due = update.StateChanged || (_load is null && Time.GetUtcNow() - _loadedAt >= LiveRefresh);
        if (!compared || !due) return;
        await LoadAsync();
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
            if (!load.IsCancellationRequested)
            {
                _comparison = comparison;
                _ = LoadReferencesAsync(NgramReferenceLoader.CorporaOf(comparison.Runs));
            }
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
                _loadedAt = Time.GetUtcNow();
            }
            load.Dispose();
        }
    }

    /// <summary>Reads the n-gram references of a new set of corpora after the curves show (a build can take seconds).</summary>
    private async Task LoadReferencesAsync(IReadOnlyList<(string CorpusId, double Fraction)> corpora)
    {
        if (corpora.SequenceEqual(_referencedCorpora)) return;
        _referencedCorpora = corpora;
        _referencesLoad?.Cancel();
        var load = _referencesLoad = new CancellationTokenSource();
        try
        {
            var references = await ReferenceLoader.LoadAsync(corpora, load.Token);
            if (load.IsCancellationRequested) return;
            _references = references;
            StateHasChanged();
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private void OnRunsChanged(IEnumerable<string> ids) => Navigation.NavigateTo(CompareLinks.For(ids, _axis, _waiting.Select(e => e.Id)));

    private void OnAxisChanged(CompareAxis axis) => Navigation.NavigateTo(CompareLinks.For(_runIds, axis, _queuedIds), replace: true);

    public void Dispose()
    {
        _load?.Cancel();
        _referencesLoad?.Cancel();
        _subscription?.Dispose();
        _queueSubscription?.Dispose();
    }
}
