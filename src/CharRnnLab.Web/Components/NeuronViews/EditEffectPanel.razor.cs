using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;
using CharRnnLab.Web.Sampling;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>
/// Records the shown text again under edits (<see cref="NeuronEdits"/>, on the compute lane) and
/// lists the mean loss change per feature class; the page colours the text by the change in
/// log-probability of each character. The edits are made with the sampling panel's editor
/// (<see cref="Lab.InterventionEditor"/>). A new recording clears the result.
/// </summary>
public partial class EditEffectPanel : IDisposable
{
    private IReadOnlyList<Intervention> _edits = [];
    private bool _busy;
    private string? _error;
    private EditOverlay? _result;
    private CancellationTokenSource? _cancel;
    private string? _recordingId;

    [Inject] private NeuronEdits Edits { get; set; } = null!;

    /// <summary>The recording whose text is read again.</summary>
    [Parameter, EditorRequired] public NeuronRecording Recording { get; set; } = null!;

    /// <summary>The page's selected cell, offered as an edit to add (c for an LSTM's c or tanh(c), else h).</summary>
    [Parameter] public CellId? Selected { get; set; }

    /// <summary>Raised with the result to colour the text by: when it arrives and when asked again.</summary>
    [Parameter] public EventCallback<EditOverlay> OnShow { get; set; }

    protected override void OnParametersSet()
    {
        if (_recordingId == Recording.Id) return;
        _recordingId = Recording.Id;
        Cancel();
        _result = null;
        _error = null;
    }

    private async Task RecordAsync()
    {
        Cancel();
        var cancel = _cancel = new CancellationTokenSource();
        _error = null;
        _busy = true;
        try
        {
            var result = await Edits.MeasureAsync(Recording, _edits, cancel.Token);
            _result = result;
            await OnShow.InvokeAsync(result);
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
            if (_cancel == cancel) _busy = false;
        }
    }

    private void EditsChanged(IReadOnlyList<Intervention> edits)
    {
        _edits = edits;
        _error = null;
    }

    /// <summary>A clamp of the selected cell (c for an LSTM's c or tanh(c), else h) to its mean over the text, checked like a hand-made edit.</summary>
    private void AddSelected()
    {
        if (Selected is not { } cell) return;
        var target = cell.Kind is ActivationKind.Cell or ActivationKind.TanhCell ? InterventionTarget.Cell : InterventionTarget.Hidden;
        float mean = Recording.Means[(cell.Layer, UnitMeans.Kind(target))][cell.Unit];
        var edit = new Intervention(cell.Layer, cell.Unit, target, InterventionAction.Clamp, mean);
        _error = EditCheck.Refusal(Recording.Recording.Config, _edits, edit);
        if (_error is null) _edits = [.. _edits, edit];
    }

    private void Cancel()
    {
        _cancel?.Cancel();
        _busy = false;
    }

    public void Dispose() => _cancel?.Cancel();
}
