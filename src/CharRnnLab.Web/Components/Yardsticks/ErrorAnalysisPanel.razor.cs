using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Yardsticks;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Yardsticks;

/// <summary>
/// A run's error analysis (its own page, <c>/runs/{id}/errors</c>, apart from the live run view): on a (it runs the model over the text, seconds of work),
/// the breakdown of the run's errors on the first N characters of its validation split, optionally
/// beside a second run of the same corpus, and the text coloured by category. The coloured view is
/// spans for a bounded window (<see cref="ErrorColouring.Window"/> characters), not the Neurons canvas:
/// that view draws a recording's quantised activations and has no categorical contract.
/// </summary>
public partial class ErrorAnalysisPanel : IDisposable
{
    private static readonly IReadOnlyList<int> Lengths = [5_000, ErrorAnalysisService.DefaultCharacters, 100_000, int.MaxValue];

    private YardstickJob<ErrorView>? _job;
    private int _characters = ErrorAnalysisService.DefaultCharacters;
    private string? _versus;
    private bool _showB;
    private string? _runId;

    [Inject] private ErrorAnalysisService Errors { get; set; } = null!;
    [Inject] private RunManager Runs { get; set; } = null!;

    /// <summary>The run to analyse.</summary>
    [Parameter, EditorRequired] public RunSummary Run { get; set; } = null!;

    private bool CanAnalyze => Run.HasCorpus() && Run.CanSample;

    /// <summary>Runs to compare with: the other runs of the same corpus that have a model (read once per run shown).</summary>
    private IReadOnlyList<RunSummary> Others { get; set; } = [];

    protected override void OnInitialized() => _job = new YardstickJob<ErrorView>(InvokeAsync, DispatchExceptionAsync, StateHasChanged);

    protected override void OnParametersSet()
    {
        if (_runId == Run.Id) return;
        _runId = Run.Id;
        _job!.Reset();
        (_versus, _showB) = (null, false);
        Others = Runs.List().Where(r => r.Id != Run.Id && r.CorpusId == Run.CorpusId && r.CanSample).ToList();
    }

    private Task AnalyzeAsync()
    {
        var (runId, versus, characters) = (Run.Id, _versus, _characters);
        _showB = false;
        return _job!.StartAsync((progress, token) => Errors.AnalyzeAsync(runId, versus, characters, progress, token), "reading the run's corpus…");
    }

    private RunErrors Shown(ErrorView view) => _showB && view.B is { } b ? b : view.A;

    public void Dispose() => _job?.Dispose();
}
