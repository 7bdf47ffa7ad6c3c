using System.Globalization;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>
/// One cell of one run on its own page (<see cref="CellLinks.Route"/>): where it peaks in the text, how
/// its values spread, what it correlates with, and what clamping it does to the next character,
/// measured. The address alone decides what is shown, so it can be shared; moving to another cell
/// (a link on the page) reuses the recording.
/// </summary>
public partial class CellPage : IDisposable
{
    private NeuronRecording? _recording;
    private CellProfile? _profile;
    private ClampMeasurement? _clamp;
    private string? _error, _clampError;
    private bool _loading;
    private string? _shown; // the address whose cell is shown or loading
    private CellTextChoice _text = CellTextChoice.Default;
    private CancellationTokenSource? _cancel;
    private List<BreadcrumbItem> _crumbs = [];

    [Inject] private CellPages Cells { get; set; } = null!;

    /// <summary>The run (from the address).</summary>
    [Parameter] public string RunId { get; set; } = "";

    /// <summary>The layer, counted from 1.</summary>
    [Parameter] public int Layer { get; set; }

    /// <summary>The kind's short name (tanh_cell, forget_gate…) or paper symbol (c, h, i…).</summary>
    [Parameter] public string Kind { get; set; } = "";

    /// <summary>The unit, counted from 0.</summary>
    [Parameter] public int Unit { get; set; }

    /// <summary>The text to read (<see cref="CellTextQuery"/>); default the run's validation slice.</summary>
    [SupplyParameterFromQuery(Name = "text")] public string? Text { get; set; }

    /// <summary>Characters to read (validation slices and samples).</summary>
    [SupplyParameterFromQuery(Name = "length")] public int? Length { get; set; }

    /// <summary>Record in one exact pass.</summary>
    [SupplyParameterFromQuery(Name = "exact")] public bool? Exact { get; set; }

    private string Title => _profile is { } p ? CellLabels.Short(p.Cell) : $"L{Layer} {Kind} #{Unit}";

    protected override async Task OnParametersSetAsync()
    {
        string address = $"{RunId}/{Layer}/{Kind}/{Unit}?{Text}&{Length}&{Exact}";
        if (address == _shown) return;
        _shown = address;
        _cancel?.Cancel();
        var cancel = (_cancel = new CancellationTokenSource()).Token;
        (_error, _clampError, _clamp, _loading) = (null, null, null, true);
        _crumbs = [new("Runs", "/runs"), new(RunId, $"/runs/{Uri.EscapeDataString(RunId)}"), new(Title, href: null, disabled: true)];
        if (!await LoadAsync(cancel) || _profile is not { } profile) return;
        StateHasChanged(); // show the profile while the clamp is measured
        await MeasureAsync(_recording!, profile, cancel);
    }

    /// <summary>The recording (cached if it can be) and the cell's profile; false if superseded.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        try
        {
            _text = CellTextQuery.Parse(Text, Length, Exact);
            var cell = CellLabels.ParseDataCell(Layer, Kind, Unit) ?? throw new LabException(
                $"'{Layer}/{Kind}/{Unit}' is not a cell: the address takes a layer from 1, a kind (c, tanh_cell, h, forget_gate, …) and a unit from 0, " +
                "e.g. /runs/RUN/cells/1/tanh_cell/62.");
            var recording = await Cells.RecordingAsync(RunId, _text, cancel);
            var profile = await Cells.ProfileAsync(recording, cell, cancel);
            if (cancel.IsCancellationRequested) return false;
            (_recording, _profile) = (recording, profile);
            _crumbs[^1] = new BreadcrumbItem(CellLabels.Short(cell), href: null, disabled: true);
            _crumbs[1] = new BreadcrumbItem(recording.RunName, $"/runs/{Uri.EscapeDataString(RunId)}");
        }
        catch (CharRnnException ex) when (!cancel.IsCancellationRequested)
        {
            (_error, _recording, _profile) = (ex.Message, null, null);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            if (!cancel.IsCancellationRequested) _loading = false;
        }
        return true;
    }

    private async Task MeasureAsync(NeuronRecording recording, CellProfile profile, CancellationToken cancel)
    {
        try
        {
            var measured = await Cells.MeasureClampAsync(recording, profile, cancel);
            if (!cancel.IsCancellationRequested) _clamp = measured;
        }
        catch (CharRnnException ex) when (!cancel.IsCancellationRequested)
        {
            _clampError = ex.Message;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
    }

    /// <summary>Another cell's page of the same run over the same text.</summary>
    private string PageOf(CellId cell) => CellLinks.Page(RunId, cell, _text);

    private static string Caption(NeuronRecording r, CellProfile p) =>
        $"Run '{r.RunName}' at iteration {r.Iteration:N0} reading {r.TextDescription}. " + string.Create(CultureInfo.InvariantCulture,
            $"Over its {p.Characters:N0} characters the cell ranges from {p.Min:+0.000;-0.000;0} to {p.Max:+0.000;-0.000;0} (mean {p.Mean:+0.000;-0.000;0}).");

    public void Dispose() => _cancel?.Cancel();
}
