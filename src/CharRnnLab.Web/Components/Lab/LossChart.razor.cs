using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Training loss (raw and smoothed) and validation loss against iteration. New points are
/// streamed with Plotly's extendTraces; the chart is only redrawn when the decimation merges
/// buckets (a handful of times over 50,000 iterations) or the history is replaced.
/// </summary>
public partial class LossChart
{
    private PlotlyChart? _plot;
    private LossChartModel _model = new();
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private bool _ready, _redrawWhenReady;
    private int _pointCount;

    [Inject] private ILossChartInterop Interop { get; set; } = null!;

    /// <summary>The run's history when the chart is created; later points come through <see cref="AppendAsync"/>.
    /// Give the component a new @key to start over with another history.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ProgressEvent> History { get; set; } = [];

    /// <summary>Most points per trace; longer runs are averaged into buckets.</summary>
    [Parameter] public int MaxPoints { get; set; } = 2000;

    /// <summary>Points currently drawn over all traces (for tests and the data-points attribute).</summary>
    public int PointCount => _pointCount;

    protected override void OnInitialized()
    {
        _model = new LossChartModel(MaxPoints);
        _model.Append(History);
        _data = [NewTrace("train loss", "rgba(53,88,168,0.35)", 1m), NewTrace("smoothed", "#3558a8", 2.5m), NewTrace("validation", "#c2185b", 2m, markers: true)];
        FillTraces();
        _layout = NewLayout();
    }

    /// <summary>Adds new iterations: extends the traces, or redraws if the decimation merged buckets.</summary>
    public async Task AppendAsync(IReadOnlyList<ProgressEvent> progress)
    {
        var delta = _model.Append(progress);
        if (delta.IsEmpty) return;
        _pointCount = CountPoints();
        StateHasChanged(); // only the wrapper's data-points; PlotlyChart never re-renders itself
        if (!_ready || _plot is null)
        {
            _redrawWhenReady = true;
            return;
        }
        if (delta.Redraw)
        {
            await RedrawAsync();
            return;
        }
        var traces = delta.Added.Where(kv => kv.Value.Count > 0).Select(kv => kv.Key).ToList();
        await Interop.ExtendAsync(_plot, traces, traces.Select(t => delta.Added[t]).ToList());
    }

    private async Task OnPlotReadyAsync()
    {
        _ready = true;
        if (_redrawWhenReady) await RedrawAsync();
    }

    private void OnPlotReady() => RunSubscription.Post(InvokeAsync, DispatchExceptionAsync, OnPlotReadyAsync);

    private Task RedrawAsync()
    {
        _redrawWhenReady = false;
        return Interop.RedrawAsync(_plot!, Enum.GetValues<LossTrace>().ToDictionary(t => t, _model.Points));
    }

    private void FillTraces()
    {
        foreach (var trace in Enum.GetValues<LossTrace>())
        {
            var scatter = (Scatter)_data[(int)trace];
            var points = _model.Points(trace);
            scatter.X = points.Select(p => (object)p.X).ToList();
            scatter.Y = points.Select(p => (object)p.Y).ToList();
        }
        _pointCount = CountPoints();
    }

    private int CountPoints() => Enum.GetValues<LossTrace>().Sum(t => _model.Points(t).Count);

    private static Scatter NewTrace(string name, string color, decimal width, bool markers = false) => new()
    {
        Name = name,
        Mode = markers ? ModeFlag.Lines | ModeFlag.Markers : ModeFlag.Lines,
        Line = new Line { Color = color, Width = width },
        X = new List<object>(),
        Y = new List<object>(),
    };

    private static Plotly.Blazor.Layout NewLayout() => new()
    {
        Height = 320,
        Margin = new Margin { L = 50, R = 10, T = 10, B = 40 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "iteration" } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "loss (nats/char)" } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.1m }],
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "#ffffff",
    };
}
