using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Compare;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace CharRnnLab.Web.Components.Compare;

/// <summary>
/// The loss curves of several runs on one chart: per run its smoothed training loss (a line) and
/// its validation loss (dots, same colour). A new set of runs or another x axis draws a new chart
/// (the curves are re-read, never streamed: the page reloads them).
/// </summary>
public partial class CompareChart
{
    /// <summary>Distinct colours, one per run, repeating after eight.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#3558a8", "#c2185b", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#9e9d24"];

    private IReadOnlyList<CompareSeries> _series = [];
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private (IReadOnlyList<ComparedRun>, CompareAxis)? _drawn;
    private int _version;

    /// <summary>The runs to draw, in legend order.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ComparedRun> Runs { get; set; } = [];

    [Parameter] public CompareAxis Axis { get; set; }

    /// <summary>Most points per curve.</summary>
    [Parameter] public int MaxPoints { get; set; } = 1000;

    /// <summary>The curves drawn now (for tests).</summary>
    public IReadOnlyList<CompareSeries> Series => _series;

    protected override void OnParametersSet()
    {
        if (_drawn is var (runs, axis) && ReferenceEquals(runs, Runs) && axis == Axis) return;
        _drawn = (Runs, Axis);
        _series = Runs.Select(r => CompareSeries.Of(r, Axis, MaxPoints)).ToList();
        _data = _series.SelectMany((s, i) => Traces(s, Palette[i % Palette.Count])).ToList();
        _layout = NewLayout(Axis);
        _version++;
    }

    private static IEnumerable<ITrace> Traces(CompareSeries series, string colour)
    {
        yield return NewTrace(series.Name, series.RunId, series.Training, colour, ModeFlag.Lines, showLegend: true);
        yield return NewTrace(series.Name + " (validation)", series.RunId, series.Validation, colour, ModeFlag.Lines | ModeFlag.Markers, showLegend: false);
    }

    private static Scatter NewTrace(string name, string group, IReadOnlyList<ChartPoint> points, string colour, ModeFlag mode, bool showLegend) => new()
    {
        Name = name,
        LegendGroup = group,
        ShowLegend = showLegend,
        Mode = mode,
        Line = new Line { Color = colour, Width = mode == ModeFlag.Lines ? 2m : 1m, Dash = mode == ModeFlag.Lines ? "solid" : "dot" },
        X = points.Select(p => (object)p.X).ToList(),
        Y = points.Select(p => (object)p.Y).ToList(),
    };

    private static Plotly.Blazor.Layout NewLayout(CompareAxis axis) => new()
    {
        Height = 380,
        Margin = new Margin { L = 50, R = 10, T = 10, B = 40 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = axis.Title() } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "loss (nats/char)" } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.12m }],
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "#ffffff",
    };
}
