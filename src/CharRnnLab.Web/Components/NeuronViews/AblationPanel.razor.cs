using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>
/// The ablation ranking of one layer and kind over the shown text (<see cref="NeuronAblation"/>,
/// seconds on the compute lane, with progress and cancel) beside the correlation ranking for the
/// chosen class (<see cref="AblationTable"/>); choosing another class re-tabulates without
/// ranking again. A unit's chip selects its cell for the text.
/// </summary>
public partial class AblationPanel : IDisposable
{
    /// <summary>Rows per column.</summary>
    public const int Top = 15;

    private int _layer;
    private InterventionTarget _target;
    private string _feature = FeatureClasses.All[0].Name;
    private double? _progress;
    private string? _error;
    private AblationComparison? _comparison;
    private AblationTable? _table;
    private CancellationTokenSource? _cancel;
    private string? _recordingId;

    [Inject] private NeuronAblation Ablation { get; set; } = null!;

    /// <summary>The recording whose text and weights are ranked over.</summary>
    [Parameter, EditorRequired] public NeuronRecording Recording { get; set; } = null!;

    /// <summary>Raised with a unit's cell (its c or h) when its chip is clicked.</summary>
    [Parameter] public EventCallback<CellId> OnSelect { get; set; }

    private IReadOnlyList<InterventionTarget> Targets => Recording.Recording.Config.Cell == CellType.Lstm
        ? [InterventionTarget.Cell, InterventionTarget.Hidden] : [InterventionTarget.Hidden];

    protected override void OnParametersSet()
    {
        if (_recordingId == Recording.Id) return;
        _recordingId = Recording.Id;
        Cancel();
        (_layer, _target, _comparison, _table, _error) = (Recording.Recording.Layers - 1, Targets[0], null, null, null);
    }

    private async Task RankAsync()
    {
        Cancel();
        var cancel = _cancel = new CancellationTokenSource();
        _error = null;
        _progress = 0;
        int shown = 0;
        bool finished = false;
        var progress = new Progress<double>(p =>
        {
            // Reports arrive posted to the circuit: one may come after the ranking ended. A repaint per percent.
            if (finished || _cancel != cancel || (int)(p * 100) == shown) return;
            (shown, _progress) = ((int)(p * 100), p);
            StateHasChanged();
        });
        try
        {
            _comparison = await Ablation.RankAsync(Recording, _layer, _target, progress, cancel.Token);
            _feature = Shown(_comparison, _feature);
            _table = AblationTable.For(_comparison, _feature, Top);
        }
        catch (CharRnnException ex) when (!cancel.IsCancellationRequested)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
        finally
        {
            finished = true;
            if (_cancel == cancel) _progress = null;
        }
    }

    // The class asked for, or the first with predictions in this text when it has none (a text without quotes).
    private static string Shown(AblationComparison comparison, string feature)
    {
        var classes = comparison.Ranking.Classes;
        return classes.Any(c => c.Feature == feature && c.Positions > 0) ? feature
            : classes.FirstOrDefault(c => c.Positions > 0)?.Feature ?? feature;
    }

    private void FeatureChanged(string feature)
    {
        _feature = feature;
        if (_comparison is { } comparison) _table = AblationTable.For(comparison, feature, Top);
    }

    private void Cancel()
    {
        _cancel?.Cancel();
        _progress = null;
    }

    private CellId CellOf(int unit) => new(_comparison!.Ranking.Layer, UnitMeans.Kind(_comparison.Ranking.Target), unit);

    // Where the unit stands in the other column: far lower (▼), about the same, or higher (▲).
    private static string Arrow(int rank, int other) => other > rank + 2 ? "▼" : other < rank - 2 ? "▲" : "≈";

    private static string Moved(int rank, int other) => Math.Abs(other - rank) > 10 ? "rank-far" : "";

    public void Dispose() => _cancel?.Cancel();
}
