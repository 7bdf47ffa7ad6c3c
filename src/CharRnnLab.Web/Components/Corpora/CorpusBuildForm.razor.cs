using CharRnnLab.Core;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Web.Components.Pages;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Components.Corpora;

/// <summary>
/// The Corpora page's form for a corpus built from many files (Core's CorpusBuilder through
/// <see cref="ILabCorpora"/>): name, globs, separator, then an uploaded archive or a URL; progress while it
/// builds, the summary or the error after.
/// </summary>
public partial class CorpusBuildForm : IDisposable
{
    private string _name = "", _include = "", _exclude = "", _url = "";
    private string _separator = CorpusBuildOptions.DefaultSeparator;
    private BuildProgress? _progress;
    private string? _summary, _error, _cancelled;
    private readonly CancellationTokenSource _closing = new();
    private CancellationTokenSource? _build; // this build's: the Cancel button's, and the page closing

    [Inject] private ILabCorpora LabCorpora { get; set; } = null!;
    [Inject] private IOptions<LabOptions> Options { get; set; } = null!;

    /// <summary>Called with the new corpus's id once it is built.</summary>
    [Parameter] public EventCallback<string> OnBuilt { get; set; }

    private bool Building { get; set; }

    private Task BuildFromUrlAsync() =>
        BuildAsync((progress, cancel) => LabCorpora.BuildFromUrlAsync(_name.Trim(), _url.Trim(), ReadOptions(), progress, cancel));

    private Task BuildFromUploadAsync(IBrowserFile? file) => file is null ? Task.CompletedTask : BuildAsync(async (progress, cancel) =>
    {
        await using var stream = BrowserUploads.Open(file, Options.Value.MaxUploadBytes, "Give its URL instead, or raise Lab:MaxUploadBytes.", cancel);
        return await LabCorpora.BuildFromUploadAsync(_name.Trim(), file.Name, stream, ReadOptions(), progress, cancel);
    });

    /// <summary>Stops the build: Core leaves no corpus behind (and an earlier corpus of that name as it was).</summary>
    private void Cancel() => _build?.Cancel();

    private async Task BuildAsync(Func<IProgress<BuildProgress>, CancellationToken, Task<BuildSummary>> build)
    {
        (Building, _summary, _error, _cancelled, _progress) = (true, null, null, null, null);
        using var cancel = _build = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        var progress = new Progress<BuildProgress>(p => RunSubscription.Post(InvokeAsync, DispatchExceptionAsync, () =>
        {
            if (!Building) return;
            _progress = p;
            StateHasChanged();
        }));
        try
        {
            var summary = await build(progress, cancel.Token);
            _summary = $"Built '{_name.Trim()}': {summary}.";
            await OnBuilt.InvokeAsync(_name.Trim());
        }
        // A read cut short by the cancel may surface as a damaged archive: the cancel is what happened.
        catch (Exception ex) when ((ex is OperationCanceledException or CharRnnException) && cancel.IsCancellationRequested)
        {
            if (!_closing.IsCancellationRequested)
                _cancelled = $"Cancelled: no corpus '{_name.Trim()}' was built (an earlier one of that name is as it was).";
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            (Building, _progress, _build) = (false, null, null);
        }
    }

    /// <summary>Globs are separated by spaces or commas: "**/*.c **/*.h".</summary>
    private CorpusBuildOptions ReadOptions() => new(Globs(_include), Globs(_exclude), _separator.Length == 0 ? null : _separator);

    private static string[] Globs(string text) => text.Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static string Describe(BuildProgress p) => p.Stage == BuildStage.Reading
        ? $"Reading {DownloadProgress.FormatBytes(p.Done)}{(p.Total is { } t ? $" of {DownloadProgress.FormatBytes(t)}" : "")}{(p.Path is null ? "" : $": {p.Path}")}"
        : $"Writing file {p.Done:N0} of {p.Total:N0}, {p.FilesTaken:N0} taken so far{(p.Path is null ? "" : $": {p.Path}")}";

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
