using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Recording;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace CharRnnLab.Web.Components.CellViews;

/// <summary>The activation histogram of a cell page, one Plotly bar chart. Give it a new @key for a new cell: it is built once.</summary>
public partial class CellHistogramChart
{
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();

    /// <summary>The counts per bin (Core's <see cref="CellProfile.Histogram"/>).</summary>
    [Parameter, EditorRequired] public CellHistogram Histogram { get; set; } = null!;

    /// <summary>The kind of value counted (the axis title).</summary>
    [Parameter, EditorRequired] public ActivationKind Kind { get; set; }

    protected override void OnInitialized()
    {
        var bins = Enumerable.Range(0, Histogram.Counts.Length).ToList();
        _data =
        [
            new Bar
            {
                X = bins.Select(b => (object)Histogram.Centre(b)).ToList(),
                Y = Histogram.Counts.Select(c => (object)c).ToList(),
                Width = (decimal)(Histogram.BinWidth > 0 ? Histogram.BinWidth : 1),
                HoverTemplate = "%{x:.3f}: %{y} characters<extra></extra>",
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#3558a8" },
            },
        ];
        _layout = new Plotly.Blazor.Layout
        {
            Height = 220,
            Margin = new Margin { L = 50, R = 10, T = 10, B = 40 },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = ActivationKinds.Symbol(Kind) } }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "characters" } }],
            BarGap = 0,
            PaperBgColor = "rgba(0,0,0,0)",
            PlotBgColor = "#ffffff",
        };
    }
}
