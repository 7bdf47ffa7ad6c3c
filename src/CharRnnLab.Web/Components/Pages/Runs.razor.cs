using CharRnnLab.Core;
using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>
/// The Runs page: every run the lab knows, live as they change, with delete, and an upload that
/// imports a checkpoint trained elsewhere (verified first; a refused file changes nothing), and
/// a selection of runs to open side by side on the Compare page.
/// </summary>
public partial class Runs : IDisposable
{
    [Inject] private RunManager Manager { get; set; } = null!;
    [Inject] private RunNotifier Notifier { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private RunImporter Importer { get; set; } = null!;
    [Inject] private IOptions<LabOptions> Options { get; set; } = null!;

    private IReadOnlyList<RunSummary> _runs = [];
    private IDisposable? _subscription;
    private MudFileUpload<IBrowserFile>? _upload;
    private bool _importing;
    private string? _importError;
    private readonly HashSet<string> _selected = [];
    private readonly CancellationTokenSource _closing = new();

    protected override void OnInitialized()
    {
        _runs = Manager.List();
        _subscription = RunSubscription.Listen(Notifier, InvokeAsync, DispatchExceptionAsync, update => update.StateChanged, _ =>
        {
            _runs = Manager.List();
            StateHasChanged();
        });
    }

    private string MaxUploadText => DownloadProgress.FormatBytes(Options.Value.MaxUploadBytes);

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _importing = true;
        _importError = null;
        try
        {
            await using var stream = BrowserUploads.Open(file, Options.Value.MaxUploadBytes,
                "Raise Lab:MaxUploadBytes to import it.", _closing.Token);
            var run = await Importer.ImportAsync(file.Name, stream, _closing.Token);
            Snackbar.Add($"Imported '{run.Name}'.", Severity.Success);
            _runs = Manager.List();
        }
        catch (CharRnnException ex)
        {
            _importError = ex.Message;
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        finally
        {
            _importing = false;
            if (_upload is not null && !_closing.IsCancellationRequested) await _upload.ClearAsync();
        }
    }

    /// <summary>The ticked runs as the table lists them (newest first), the Compare page's order.</summary>
    private IEnumerable<string> SelectedInListOrder => _runs.Select(r => r.Id).Where(_selected.Contains);

    private void Select(string runId, bool selected)
    {
        if (selected) _selected.Add(runId);
        else _selected.Remove(runId);
    }

    private void Open(RunSummary run) => Navigation.NavigateTo($"/runs/{run.Id}");

    private async Task Delete(RunSummary run)
    {
        try
        {
            await Manager.DeleteAsync(run.Id);
            _selected.Remove(run.Id);
            _runs = Manager.List();
        }
        catch (CharRnnException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }
}
