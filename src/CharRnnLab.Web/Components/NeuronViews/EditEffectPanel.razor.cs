using CharRnnLab.Core;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>
/// Records the shown text again under edits (<see cref="NeuronEdits"/>, on the compute lane) and
/// lists the mean loss change per feature class; the page colours the text by the change in
/// log-probability of each character. The edits are the page's one list, made in its <see cref="EditsPanel"/>
/// and sampled under too. A new recording clears the result.
/// </summary>
public partial class EditEffectPanel : IDisposable
{
    private bool _busy;
    private string? _error;
    private EditOverlay? _result;
    private CancellationTokenSource? _cancel;
    private string? _recordingId;
    private IReadOnlyList<Intervention>? _shownEdits;

    [Inject] private NeuronEdits NeuronEdits { get; set; } = null!;

    /// <summary>The recording whose text is read again.</summary>
    [Parameter, EditorRequired] public NeuronRecording Recording { get; set; } = null!;

    /// <summary>The edits to record under: the page's one list, in the order they apply.</summary>
    [Parameter] public IReadOnlyList<Intervention> Edits { get; set; } = [];

    /// <summary>Raised with the result to colour the text by: when it arrives and when asked again.</summary>
    [Parameter] public EventCallback<EditOverlay> OnShow { get; set; }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shownEdits, Edits)) (_shownEdits, _error) = (Edits, null); // a refusal was about the list before
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
            var result = await NeuronEdits.MeasureAsync(Recording, Edits, cancel.Token);
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

    private void Cancel()
    {
        _cancel?.Cancel();
        _busy = false;
    }

    public void Dispose() => _cancel?.Cancel();
}
