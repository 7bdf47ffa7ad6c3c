using CharRnnLab.Core;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// The post's experiments (<see cref="ExperimentPresets"/>) on the Train page. "Use" hands the parent a request with
/// the variant's settings, on its corpus when the lab has it (else on the corpus chosen so far); a catalogue corpus
/// not downloaded yet offers its download, after which it becomes the request's corpus.
/// </summary>
public partial class ExperimentPicker : IDisposable
{
    private ExperimentPreset? _selected;
    private readonly Dictionary<string, double> _downloads = [];
    private readonly CancellationTokenSource _closing = new();
    private string? _error;

    [Inject] private ILabCorpora LabCorpora { get; set; } = null!;

    /// <summary>The request the Train page holds (its corpus is kept when the experiment's is missing).</summary>
    [Parameter, EditorRequired] public StartRunRequest Request { get; set; } = new();

    /// <summary>Raised with the request to show in the form.</summary>
    [Parameter] public EventCallback<StartRunRequest> RequestChanged { get; set; }

    /// <summary>The corpora the lab knows, downloaded or not.</summary>
    [Parameter] public IReadOnlyList<CorpusInfo> Corpora { get; set; } = [];

    /// <summary>Raised after a download, for the parent to list the corpora again.</summary>
    [Parameter] public EventCallback CorporaChanged { get; set; }

    private static IEnumerable<(string Label, ExperimentSetup Setup, string Time, string TestId)> Variants(ExperimentPreset experiment) =>
    [
        ("the post", experiment.ThePost, $"the post: {experiment.PostTime}", "post"),
        ("here", experiment.Here,
            $"here: ~{ExperimentPreset.Duration(experiment.HereTime)}, estimated from its floating-point work at the rate measured on this machine",
            "here"),
    ];

    private CorpusInfo? Find(string id) => Corpora.FirstOrDefault(c => c.Id == id);

    private static string CorpusLine(string id, CorpusInfo? corpus) => corpus switch
    {
        null => $"corpus '{id}': not in the lab yet",
        { Available: true } => $"corpus: {corpus.Name}",
        _ => $"corpus: {corpus.Name}{(corpus.SizeBytes is { } size ? $", {DownloadProgress.FormatBytes(size)}" : "")} to download",
    };

    private Task UseAsync(ExperimentPreset experiment, ExperimentSetup setup, string label)
    {
        string corpusId = Find(setup.CorpusId) is { Available: true } ? setup.CorpusId : Request.CorpusId;
        return RequestChanged.InvokeAsync(RunRequests.From(corpusId, $"{experiment.Title} ({label})", setup.Config));
    }

    private async Task DownloadAsync(CorpusInfo corpus)
    {
        (_downloads[corpus.Id], _error) = (0, null);
        var progress = new Progress<double>(fraction => _ = InvokeAsync(() =>
        {
            if (_downloads.ContainsKey(corpus.Id)) _downloads[corpus.Id] = fraction;
            StateHasChanged();
        }));
        try
        {
            await LabCorpora.DownloadAsync(corpus.Id, progress, _closing.Token);
            await CorporaChanged.InvokeAsync();
            await RequestChanged.InvokeAsync(Request with { CorpusId = corpus.Id });
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
            _downloads.Remove(corpus.Id);
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
