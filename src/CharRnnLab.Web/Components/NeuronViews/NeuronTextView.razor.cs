using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>
/// The recorded text coloured by the selected cell, with the hover panel under it. The browser
/// fetches the recording's binary arrays itself (NeuronEndpoints) and colours client-side
/// (wwwroot-assets/js/neurons.js); this component only tells it which recording and which cell,
/// or which overlay to show instead of the cell's colours.
/// </summary>
public partial class NeuronTextView
{
    private ElementReference _text, _hover, _overview;
    private IJSObjectReference? _module;
    private DotNetObjectReference<NeuronTextView>? _self;
    private string? _loadedId;
    private CellId? _shown;
    private TextOverlay? _shownOverlay;

    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ILogger<NeuronTextView> Logger { get; set; } = null!;

    /// <summary>The recording to show.</summary>
    [Parameter, EditorRequired] public NeuronRecording Recording { get; set; } = null!;

    /// <summary>The cell that colours the text.</summary>
    [Parameter, EditorRequired] public CellId Selected { get; set; }

    /// <summary>Raised with the cell the browser moved to when the user pressed j / k (or → / ←).</summary>
    [Parameter] public EventCallback<CellId> OnChoose { get; set; }

    /// <summary>Raised once the browser has fetched and coloured a new recording, with the milliseconds it took.</summary>
    [Parameter] public EventCallback<double> OnLoaded { get; set; }

    /// <summary>Raised with [start, end) when the user selects a stretch of text with the mouse.</summary>
    [Parameter] public EventCallback<(int Start, int End)> OnRange { get; set; }

    /// <summary>Colours the text instead of <see cref="Selected"/> while set (influence, the change an edit made).</summary>
    [Parameter] public TextOverlay? Overlay { get; set; }

    /// <summary>Raised with the position of a character the user clicked (without dragging).</summary>
    [Parameter] public EventCallback<int> OnCharacterPicked { get; set; }

    /// <summary>Raised when the browser went back to the cell's colours (Escape, a click elsewhere, another cell).</summary>
    [Parameter] public EventCallback OnOverlayDismissed { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/neurons.js");
            _self ??= DotNetObjectReference.Create(this);
            if (_loadedId != Recording.Id)
            {
                _loadedId = Recording.Id;
                _shown = Selected;
                double milliseconds = await _module.InvokeAsync<double>("load", _text, _hover, _overview,
                    RecordingMeta.For(Recording, Navigation.BaseUri), Selection(), _self);
                await OnLoaded.InvokeAsync(milliseconds);
            }
            else if (_shown != Selected)
            {
                _shown = Selected;
                await _module.InvokeVoidAsync("select", _text, Selected.Layer + 1, ActivationKinds.ShortName(Selected.Kind), Selected.Unit);
            }
            if (!ReferenceEquals(_shownOverlay, Overlay))
            {
                _shownOverlay = Overlay;
                await _module.InvokeVoidAsync("overlay", _text, Overlay);
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab closed while the text loaded.
        }
        catch (JSException ex)
        {
            // The page stays usable; the text shows the previous cell.
            Logger.LogWarning(ex, "The Neurons text view failed in the browser");
        }
    }

    [JSInvokable]
    public Task OnCellChosen(int layer, string kind, int unit)
    {
        if (CellLabels.ParseDataCell(layer, kind, unit) is not { } cell || cell.Layer >= Recording.Recording.Layers || cell.Unit >= Recording.Recording.Units)
            return Task.CompletedTask;
        _shown = cell; // the browser shows it already
        return OnChoose.InvokeAsync(cell);
    }

    [JSInvokable]
    public Task OnRangeSelected(int start, int end) => OnRange.InvokeAsync((start, end));

    [JSInvokable]
    public Task OnCharacterClicked(int position) =>
        position >= 0 && position < Recording.Recording.Characters ? OnCharacterPicked.InvokeAsync(position) : Task.CompletedTask;

    [JSInvokable]
    public Task OnOverlayCleared()
    {
        _shownOverlay = null; // the browser shows the cell already
        return OnOverlayDismissed.InvokeAsync();
    }

    private object Selection() => new { Layer = Selected.Layer + 1, Kind = ActivationKinds.ShortName(Selected.Kind), Selected.Unit };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("dispose", _text);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException) { }
        _self?.Dispose();
    }
}
