using CharRnnLab.Core;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>
/// The Corpora page: list, preview, upload (validated by Core; a failed upload changes
/// nothing), delete, download for catalogue corpora with progress, and a corpus built from many files
/// (<see cref="Components.Corpora.CorpusBuildForm"/>).
/// </summary>
public partial class Corpora : IDisposable
{
    private IReadOnlyList<CorpusInfo> _corpora = [];
    private CorpusPreview? _preview;
    private string? _previewError;
    private bool _uploading;
    private MudFileUpload<IBrowserFile>? _upload;
    private readonly Dictionary<string, double> _downloads = [];
    private readonly CancellationTokenSource _closing = new();

    [Inject] private ILabCorpora LabCorpora { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IOptions<LabOptions> Options { get; set; } = null!;

    private string MaxUploadText => FormatBytes(Options.Value.MaxUploadBytes);

    protected override void OnInitialized() => _corpora = LabCorpora.List();

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _uploading = true;
        try
        {
            await using var stream = BrowserUploads.Open(file, Options.Value.MaxUploadBytes,
                "Use a smaller file, or raise Lab:MaxUploadBytes.", _closing.Token);
            var added = await LabCorpora.UploadAsync(file.Name, stream, _closing.Token);
            Snackbar.Add($"Added '{added.Name}'.", Severity.Success);
            _corpora = LabCorpora.List();
            ShowPreview(added);
        }
        catch (CharRnnException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error, options => options.RequireInteraction = true);
        }
        finally
        {
            _uploading = false;
            if (_upload is not null && !_closing.IsCancellationRequested) await _upload.ClearAsync();
        }
    }

    private void ShowPreview(CorpusInfo corpus)
    {
        if (!corpus.Available)
        {
            _preview = null;
            _previewError = corpus.NeedsDownload()
                ? $"'{corpus.Name}' is not downloaded yet; press Download first."
                : corpus.Description;
            return;
        }
        try
        {
            _preview = LabCorpora.Preview(corpus.Id);
            _previewError = null;
        }
        catch (CharRnnException ex)
        {
            _preview = null;
            _previewError = ex.Message;
        }
    }

    private Task DeleteAsync(CorpusInfo corpus)
    {
        try
        {
            LabCorpora.Delete(corpus.Id);
            if (_preview?.Corpus.Id == corpus.Id) _preview = null;
            _corpora = LabCorpora.List();
        }
        catch (CharRnnException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        return Task.CompletedTask;
    }

    private async Task DownloadAsync(CorpusInfo corpus)
    {
        _downloads[corpus.Id] = 0;
        var progress = new Progress<double>(fraction => RunSubscription.Post(InvokeAsync, DispatchExceptionAsync, () =>
        {
            if (_downloads.ContainsKey(corpus.Id)) _downloads[corpus.Id] = fraction;
            StateHasChanged();
        }));
        try
        {
            var done = await LabCorpora.DownloadAsync(corpus.Id, progress, _closing.Token);
            Snackbar.Add($"Downloaded '{done.Name}'.", Severity.Success);
            _corpora = LabCorpora.List();
        }
        catch (CharRnnException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error, options => options.RequireInteraction = true);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        finally
        {
            _downloads.Remove(corpus.Id);
        }
    }

    /// <summary>A corpus the build form made: listed, then previewed.</summary>
    private void ShowBuilt(string id)
    {
        _corpora = LabCorpora.List();
        if (_corpora.FirstOrDefault(c => c.Id == id) is { } built) ShowPreview(built);
    }

    private static string FormatBytes(long bytes) => DownloadProgress.FormatBytes(bytes);

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
