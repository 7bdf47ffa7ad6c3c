using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>
/// The Neurons page: pick a run and a text, see the text coloured by one cell, find cells by
/// feature, by clicking, by stepping or by selecting a stretch of text, and look at gate
/// saturation; click a character to see what its prediction depended on. Recording, probes,
/// range searches and influence happen on the server's compute lane; colouring in the browser.
/// </summary>
public partial class NeuronsPage : IDisposable
{
    private IReadOnlyList<RunSummary> _runs = [];
    private IReadOnlyList<CorpusInfo> _corpora = [];
    private string? _initialRunId;
    private NeuronRecording? _recording;
    private NeuronTextRequest _request = new(); // what _recording read, for the cell pages' links
    private CellId _selection;
    private bool _busy;
    private string? _error;
    private CancellationTokenSource? _cancel;
    private bool _textLoaded;
    private (int Start, int End)? _range;
    private IReadOnlyList<RangeMatch> _matches = [];
    private double _threshold = 0.5;
    private readonly Debouncer _searches = new(TimeSpan.Zero, TimeProvider.System); // latest wins: an edit supersedes the search before it
    private readonly Debouncer _influences = new(TimeSpan.Zero, TimeProvider.System); // latest click wins
    private InfluenceOverlay? _influence;
    private int? _influencing;
    private EditOverlay? _edit;
    private IDisposable? _subscription;
    private Dictionary<string, SparseProbeResult> _probes = [];
    private string? _probing;
    private IReadOnlyList<Intervention> _edits = []; // the one list: sampled and recorded under

    [Inject] private NeuronLab Lab { get; set; } = null!;
    [Inject] private NeuronInfluence Influence { get; set; } = null!;
    [Inject] private RunManager Runs { get; set; } = null!;
    [Inject] private RunNotifier Notifier { get; set; } = null!;

    /// <summary>Run to open (from ?run=…); default: the one training, else the newest with a model.</summary>
    [SupplyParameterFromQuery(Name = "run")] public string? RunId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _runs = Lab.RecordableRuns();
        _corpora = Lab.ReadableCorpora();
        // A run that starts, or stops with its first checkpoint, joins the run list.
        _subscription = RunSubscription.Listen(Notifier, InvokeAsync, DispatchExceptionAsync, update => update.StateChanged, _ =>
        {
            _runs = Lab.RecordableRuns();
            StateHasChanged();
        });
        _initialRunId = _runs.FirstOrDefault(r => r.Id == RunId)?.Id ?? _runs.FirstOrDefault(r => r.Id == Runs.Active?.Id)?.Id ?? _runs.FirstOrDefault()?.Id;
        if (_initialRunId is not null) await RecordAsync((_initialRunId, new NeuronTextRequest()));
    }

    private async Task RecordAsync((string RunId, NeuronTextRequest Request) choice)
    {
        _cancel?.Cancel();
        var cancel = _cancel = new CancellationTokenSource();
        _busy = true;
        _error = null;
        StateHasChanged();
        try
        {
            var recording = await Lab.RecordAsync(choice.RunId, choice.Request, cancel.Token);
            if (cancel.IsCancellationRequested) return;
            _request = choice.Request;
            Show(recording);
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return;
        }
        _busy = false;
    }

    private void Show(NeuronRecording recording)
    {
        var kind = _recording is not null && recording.Recording.RecordedKinds.Contains(_selection.Kind) ? _selection.Kind : recording.DefaultKind;
        var keep = _recording is not null && _selection.Layer < recording.Recording.Layers && _selection.Unit < recording.Recording.Units;
        _selection = keep ? _selection with { Kind = kind } : StartingCell(recording, kind);
        if (_recording?.RunId != recording.RunId) _edits = []; // another model: its units are others
        if (_recording?.Id != recording.Id)
        {
            _probes = [];
            _textLoaded = false; // the gate charts wait for the new text again
        }
        _recording = recording;
        _range = null;
        _matches = [];
        _influence = null;
        _influencing = null;
        _edit = null;
    }

    /// <summary>The feature finder's best cell of the kind shown, else the first cell.</summary>
    private static CellId StartingCell(NeuronRecording recording, ActivationKind kind) =>
        recording.Features.SelectMany(f => f.Correlated).Where(c => c.Kind == kind).MaxBy(c => c.Score)?.Cell
        ?? new CellId(0, kind, 0);

    private void Select(CellId cell) => _selection = cell;

    /// <summary>The page of <paramref name="cell"/> over the text shown (a pasted text by its recording).</summary>
    private string CellPageOf(CellId cell) => CellLinks.Page(_recording!.RunId, cell, CellTextChoice.Of(_request, _recording.Id));

    private Task KindChanged(ActivationKind kind)
    {
        _selection = _selection with { Kind = kind };
        return SearchAsync();
    }

    private void TextLoaded(double milliseconds) => _textLoaded = true;

    private Task RangeSelected((int Start, int End) range)
    {
        _range = range;
        return SearchAsync();
    }

    private Task ThresholdChanged(double threshold)
    {
        _threshold = threshold;
        return SearchAsync();
    }

    /// <summary>Searches the selected range on the compute lane; a result superseded by a newer edit or text is dropped.</summary>
    private Task SearchAsync()
    {
        if (_recording is not { } recording || _range is not { } range) return Task.CompletedTask;
        var (kind, threshold) = (_selection.Kind, (float)_threshold);
        return _searches.Trigger(async cancel =>
        {
            try
            {
                var matches = await Lab.FindRangeAsync(recording, range.Start, range.End, kind, threshold, cancel);
                if (!cancel.IsCancellationRequested && _recording == recording) _matches = matches;
            }
            catch (CharRnnException ex) when (!cancel.IsCancellationRequested)
            {
                _error = ex.Message;
            }
        });
    }

    /// <summary>A click on a character: what predicting it depended on, on the compute lane; a newer click or a dismissal supersedes it.</summary>
    private Task InfluenceAsync(int position)
    {
        if (_recording is not { } recording) return Task.CompletedTask;
        _influencing = position;
        _edit = null;
        _error = null;
        return _influences.Trigger(async cancel =>
        {
            try
            {
                var influence = await Influence.AtAsync(recording, position, cancel);
                if (!cancel.IsCancellationRequested && _recording == recording) _influence = influence;
            }
            catch (CharRnnException ex) when (!cancel.IsCancellationRequested)
            {
                _error = ex.Message;
            }
            if (!cancel.IsCancellationRequested) _influencing = null;
        });
    }

    /// <summary>Back to the cell's colours (the browser went there already, or goes on this render); drops an answer still on its way.</summary>
    private Task OverlayDismissed()
    {
        _influence = null;
        _influencing = null;
        _edit = null;
        return _influences.Trigger(_ => Task.CompletedTask);
    }

    /// <summary>The text coloured by what edits changed (from the edit panel), instead of any influence.</summary>
    private Task ShowEdit(EditOverlay edit)
    {
        _edit = edit;
        _influence = null;
        _influencing = null;
        return _influences.Trigger(_ => Task.CompletedTask);
    }

    private async Task ProbeAsync(string feature)
    {
        if (_recording is not { } recording || _probing is not null) return;
        _probing = feature;
        _error = null;
        StateHasChanged();
        try
        {
            var probe = await Lab.ProbeAsync(recording, feature, _cancel?.Token ?? default);
            if (_recording?.Id == recording.Id) _probes[feature] = probe;
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // An unexpected failure of the fit: say so rather than take the page's connection down.
            _error = $"The {feature} probe failed: {ex.Message}";
        }
        finally
        {
            _probing = null;
        }
    }

    private void EditsChanged(IReadOnlyList<Intervention> edits) => _edits = edits;

    /// <summary>A feature chip's or probe's clamp: each cell pinned to its mean where the feature is on, added to the one list.</summary>
    private void ClampWhereOn(CellClampRequest request)
    {
        if (_recording is not { } recording) return;
        var clamps = request.Cells.Select(cell => SamplingClamps.WhereOn(recording, cell, request.Feature)).OfType<SamplingClamp>().ToArray();
        if (clamps.Length == 0)
        {
            _error = $"The {request.Feature} feature is never on in this text, so there is no mean to clamp to; pick the cell and clamp it to its max instead.";
            return;
        }
        _edits = [.. _edits, .. clamps.Select(c => c.Edit)];
    }

    private static string Caption(NeuronRecording r) =>
        $"Run '{r.RunName}' at iteration {r.Iteration:N0} reading {r.TextDescription}. " +
        $"Recorded {r.Recording.Characters:N0} characters in {r.Elapsed.TotalSeconds:0.0} s " +
        (r.Recording.Mode.IsExact ? "in one exact pass." : $"as {r.Recording.Mode.Streams} parallel streams.");

    public void Dispose()
    {
        _subscription?.Dispose();
        _cancel?.Cancel();
        _searches.Dispose();
        _influences.Dispose();
    }
}
