using System.Globalization;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>The cell picker: every cell of every layer for one kind, coloured by its mean.</summary>
public partial class NeuronPicker
{
    private double _scale = 1;
    private readonly Dictionary<CellId, Func<Task>> _selectors = [];

    /// <summary>Per (layer, kind), each unit's mean over the text.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<(int Layer, ActivationKind Kind), float[]> Means { get; set; } = null!;

    /// <summary>0-based layers to show.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<int> Layers { get; set; } = [];

    /// <summary>Units per layer.</summary>
    [Parameter, EditorRequired] public int Units { get; set; }

    /// <summary>The kind of value whose means colour the cells.</summary>
    [Parameter] public ActivationKind Kind { get; set; }

    /// <summary>The selected cell (outlined).</summary>
    [Parameter] public CellId? Selected { get; set; }

    /// <summary>Raised with the cell a user clicks.</summary>
    [Parameter] public EventCallback<CellId> OnSelect { get; set; }

    /// <summary>The address of a cell's own page, linked for the selected cell; null = no link.</summary>
    [Parameter] public Func<CellId, string>? PageOf { get; set; }

    protected override void OnParametersSet() =>
        // Raw c has no fixed range: scale by the largest |mean| of the kind.
        _scale = Layers.Select(l => Means.TryGetValue((l, Kind), out var m) ? m.Max(v => Math.Abs(v)) : 0).DefaultIfEmpty(0).Max();

    private float Mean(CellId cell) => Means.TryGetValue((cell.Layer, cell.Kind), out var m) ? m[cell.Unit] : float.NaN;

    private string Colour(CellId cell) => ActivationColours.For(ActivationColours.Normalize(cell.Kind, Mean(cell), _scale));

    // One handler per cell for the component's life: a re-render (a new selection) then leaves the
    // other cells' handlers alone instead of sending the browser a new one for each of 2×512 buttons.
    private Func<Task> SelectorOf(CellId cell) =>
        _selectors.TryGetValue(cell, out var select) ? select : _selectors[cell] = () => OnSelect.InvokeAsync(cell);

    private string CellClass(CellId cell) => cell == Selected ? "picker-cell selected" : "picker-cell";

    private string Title(CellId cell) =>
        string.Create(CultureInfo.InvariantCulture, $"{CellLabels.Short(cell)}: mean {Mean(cell):+0.000;-0.000;0.000}");
}
