using CharRnnLab.Core.Training;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Yardsticks;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace CharRnnLab.Web.Components.Yardsticks;

/// <summary>
/// "Validation loss vs n-gram order": one point per order (lines and markers) and the run's best
/// validation loss as a dashed level line across every order, in nats or bits per character.
/// Any change of input draws a new chart (20 points: nothing to stream).
/// </summary>
public partial class NgramOrderChart
{
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private (NgramBaseline, double?, bool, string)? _drawn;
    private int _version;

    /// <summary>The corpus's n-gram losses.</summary>
    [Parameter, EditorRequired] public NgramBaseline Baseline { get; set; } = null!;

    /// <summary>The run's best validation loss in nats per character; no level line when null.</summary>
    [Parameter] public double? RunNats { get; set; }

    /// <summary>The level line's legend entry, e.g. "2×128 LSTM (best validation)".</summary>
    [Parameter] public string RunLabel { get; set; } = "run";

    /// <summary>Bits per character instead of nats.</summary>
    [Parameter] public bool Bits { get; set; }

    /// <summary>The n-gram curve as drawn: (order, loss in the chosen unit).</summary>
    public IReadOnlyList<ChartPoint> Curve { get; private set; } = [];

    /// <summary>The run's level as drawn, in the chosen unit.</summary>
    public double? RunLevel { get; private set; }

    protected override void OnParametersSet()
    {
        if (_drawn == (Baseline, RunNats, Bits, RunLabel)) return;
        _drawn = (Baseline, RunNats, Bits, RunLabel);
        Curve = Baseline.Orders.Select(o => new ChartPoint(o.Order, Unit(o.Nats))).ToList();
        RunLevel = RunNats is { } nats ? Unit(nats) : null;
        _data = [NewTrace($"{Baseline.CorpusName}: n-gram (Kneser–Ney)", Curve, "#3558a8", ModeFlag.Lines | ModeFlag.Markers, "solid")];
        if (RunLevel is { } level)
            _data.Add(NewTrace(RunLabel, [new(Curve[0].X, level), new(Curve[^1].X, level)], "#c2185b", ModeFlag.Lines, "dash"));
        _layout = NewLayout(Bits);
        _version++;
    }

    private double Unit(double nats) => Bits ? TrainingProgress.ToBits(nats) : nats;

    private static Scatter NewTrace(string name, IReadOnlyList<ChartPoint> points, string colour, ModeFlag mode, string dash) => new()
    {
        Name = name,
        Mode = mode,
        Line = new Line { Color = colour, Width = 2m, Dash = dash },
        X = points.Select(p => (object)p.X).ToList(),
        Y = points.Select(p => (object)p.Y).ToList(),
    };

    private static Plotly.Blazor.Layout NewLayout(bool bits) => new()
    {
        Height = 320,
        Margin = new Margin { L = 50, R = 10, T = 10, B = 40 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "n-gram order" }, DTick = 1m }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = bits ? "validation loss (bits/char)" : "validation loss (nats/char)" } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.15m }],
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "#ffffff",
    };
}
