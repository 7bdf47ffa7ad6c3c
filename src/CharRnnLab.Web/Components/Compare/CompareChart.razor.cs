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
    private (IReadOnlyList<ComparedRun>, CompareAxis, NgramReferences)? _drawn;
    private int _version;

    /// <summary>The runs to draw, in legend order.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ComparedRun> Runs { get; set; } = [];

    [Parameter] public CompareAxis Axis { get; set; }

    /// <summary>The corpora's best n-gram losses, drawn as level lines across the curves.</summary>
    [Parameter] public NgramReferences References { get; set; } = NgramReferences.None;

    /// <summary>Most points per curve.</summary>
    [Parameter] public int MaxPoints { get; set; } = 1000;

    /// <summary>The curves drawn now (for tests).</summary>
    public IReadOnlyList<CompareSeries> Series => _series;

    protected override void OnParametersSet()
    {
        if (_drawn is var (runs, axis, references) && ReferenceEquals(runs, Runs) && axis == Axis && ReferenceEquals(references, References)) return;
        _drawn = (Runs, Axis, References);
        _series = Runs.Select(r => CompareSeries.Of(r, Axis, MaxPoints)).ToList();
        _data = _series.SelectMany((s, i) => Traces(s, Palette[i % Palette.Count])).Concat(ReferenceTraces()).ToList();
        _layout = NewLayout(Axis);
        _version++;
    }

    private static IEnumerable<ITrace> Traces(CompareSeries series, string colour)
    {
        yield return NewTrace(series.Name, series.RunId, series.Training, colour, ModeFlag.Lines, showLegend: true);
        yield return NewTrace(series.Name + " (validation)", series.RunId, series.Validation, colour, ModeFlag.Lines | ModeFlag.Markers, showLegend: false);
    }

    /// <summary>One dashed grey level line per reference, across the x range of every curve.</summary>
    private IEnumerable<ITrace> ReferenceTraces()
    {
        var xs = _series.SelectMany(s => s.Training.Concat(s.Validation)).Select(p => p.X).ToList();
        if (xs.Count == 0) yield break;
        foreach (var reference in References.Lines)
        {
            var level = new[] { new ChartPoint(xs.Min(), reference.Best.Nats), new ChartPoint(xs.Max(), reference.Best.Nats) };
            var line = NewTrace($"{reference.CorpusName}: best n-gram ({reference.Best.Order}-gram)", "ngram-" + reference.CorpusId, level,
                "#757575", ModeFlag.Lines, showLegend: true);
            line.Line.Dash = "dash";
            yield return line;
        }
    }

    /// <summary>The reference lines drawn now (for tests): (name, level in nats).</summary>
    public IReadOnlyList<(string Name, double Nats)> ReferenceLines =>
        _data.OfType<Scatter>().Where(t => t.LegendGroup?.StartsWith("ngram-", StringComparison.Ordinal) == true)
            .Select(t => (t.Name, (double)t.Y[0])).ToList();

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
