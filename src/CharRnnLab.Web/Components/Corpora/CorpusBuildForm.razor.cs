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
    private string? _summary, _error;
    private readonly CancellationTokenSource _closing = new();

    [Inject] private ILabCorpora LabCorpora { get; set; } = null!;
    [Inject] private IOptions<LabOptions> Options { get; set; } = null!;

    /// <summary>Called with the new corpus's id once it is built.</summary>
    [Parameter] public EventCallback<string> OnBuilt { get; set; }

    private bool Building { get; set; }

    private Task BuildFromUrlAsync() => BuildAsync(progress => LabCorpora.BuildFromUrlAsync(_name.Trim(), _url.Trim(), ReadOptions(), progress, _closing.Token));

    private Task BuildFromUploadAsync(IBrowserFile? file) => file is null ? Task.CompletedTask : BuildAsync(async progress =>
    {
        await using var stream = BrowserUploads.Open(file, Options.Value.MaxUploadBytes, "Give its URL instead, or raise Lab:MaxUploadBytes.", _closing.Token);
        return await LabCorpora.BuildFromUploadAsync(_name.Trim(), file.Name, stream, ReadOptions(), progress, _closing.Token);
    });

    private async Task BuildAsync(Func<IProgress<BuildProgress>, Task<BuildSummary>> build)
    {
        (Building, _summary, _error, _progress) = (true, null, null, null);
        var progress = new Progress<BuildProgress>(p => RunSubscription.Post(InvokeAsync, DispatchExceptionAsync, () =>
        {
            if (!Building) return;
            _progress = p;
            StateHasChanged();
        }));
        try
        {
            var summary = await build(progress);
            _summary = $"Built '{_name.Trim()}': {summary}.";
            await OnBuilt.InvokeAsync(_name.Trim());
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        finally
        {
            (Building, _progress) = (false, null);
        }
    }

    /// <summary>Globs are separated by spaces or commas: "**/*.c **/*.h".</summary>
    private CorpusBuildOptions ReadOptions() => new(Globs(_include), Globs(_exclude), _separator.Length == 0 ? null : _separator);

    private static string[] Globs(string text) => text.Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static string Describe(BuildProgress p) => p.Stage == BuildStage.Reading
        ? $"Reading {DownloadProgress.FormatBytes(p.Done)}{(p.Total is { } t ? $" of {DownloadProgress.FormatBytes(t)}" : "")}{(p.Path is null ? "" : $": {p.Path}")}"
        : $"Writing file {p.Done:N0} of {p.Total:N0}{(p.Path is null ? "" : $": {p.Path}")}";

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
