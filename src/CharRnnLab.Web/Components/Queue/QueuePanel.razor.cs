using CharRnnLab.Core;
using CharRnnLab.Web.Queue;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CharRnnLab.Web.Components.Queue;

/// <summary>The queue, live: re-read whenever it changes (an entry added, moved, removed or started).</summary>
public partial class QueuePanel : IDisposable
{
    private IReadOnlyList<QueuedRun> _entries = [];
    private IDisposable? _subscription;

    [Inject] private RunQueue Queue { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>Shown below the queue (the presets form).</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void OnInitialized()
    {
        _subscription = RunSubscription.Listen(Queue, InvokeAsync, DispatchExceptionAsync, () =>
        {
            _entries = Queue.List();
            StateHasChanged();
            return Task.CompletedTask;
        });
        _entries = Queue.List();
    }

    /// <summary>Edits the queue; an entry that started meanwhile is reported, not an error page.</summary>
    private void Act(Action edit)
    {
        try
        {
            edit();
        }
        catch (CharRnnException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        _entries = Queue.List();
    }

    public void Dispose() => _subscription?.Dispose();
}
