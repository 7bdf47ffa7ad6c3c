using CharRnnLab.Core;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Queue;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Queue;

/// <summary>
/// Picks a queue preset, a corpus and the reference LSTM's size; shows the planned runs with
/// their hidden sizes and parameter counts (the corpus's vocabulary is read off the page thread
/// when the corpus is chosen); enqueues them and opens the Compare page for them.
/// </summary>
public partial class QueuePresetForm
{
    private IReadOnlyList<CorpusInfo> _corpora = [];
    private QueuePreset _preset = QueuePresets.CellsAtEqualParameters;
    private string? _corpusId;
    private int? _vocabulary;
    private int _layers = 2, _hidden = 64, _iterations = 1000;
    private int _batch = QueuePresets.DefaultMinibatch.Batch, _seq = QueuePresets.DefaultMinibatch.Seq;
    private string? _error;

    [Inject] private ILabCorpora Corpora { get; set; } = null!;
    [Inject] private RunQueue Queue { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The runs the preset would enqueue now, or none until a corpus's vocabulary is known.</summary>
    private IReadOnlyList<PlannedRun>? Plan =>
        _corpusId is null || _vocabulary is not { } vocabulary ? null
            : _preset.Plan(_corpusId, QueuePresets.Settings(_layers, _hidden, _iterations, _batch, _seq), vocabulary);

    // No corpus is chosen at first: loading one (a bundled one is generated on first use) is not free.
    protected override void OnInitialized() => _corpora = Corpora.List().Where(c => c.Available).ToList();

    private async Task OnCorpusChangedAsync(string? corpusId)
    {
        (_corpusId, _vocabulary, _error) = (corpusId, null, null);
        if (corpusId is null) return;
        try
        {
            int vocabulary = await Task.Run(() => Corpora.Load(corpusId).Vocabulary.Count);
            if (_corpusId == corpusId) _vocabulary = vocabulary;
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
    }

    private void Enqueue()
    {
        try
        {
            var entries = Queue.Enqueue(Plan!.Select(p => p.Request).ToList());
            Navigation.NavigateTo(CompareLinks.For([], queuedIds: entries.Select(e => e.Id)));
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
    }
}
