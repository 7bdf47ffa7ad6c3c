using CharRnnLab.Core;
using CharRnnLab.Web.Compare;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace CharRnnLab.Web.Components.Compare;

/// <summary>
/// The Compare page's memory-span chart: on request, each compared run's mean influence against
/// distance (<see cref="MemorySpanLoader"/>), one line per run in the loss chart's colours, on a
/// log scale (the influence of a vanilla RNN falls by orders of magnitude). A run that cannot be
/// measured becomes a warning; the others are still drawn.
/// </summary>
public partial class MemorySpanSection : IDisposable
{
    private readonly List<(ComparedRun Run, RunMemorySpan Span)> _curves = [];
    private readonly List<string> _problems = [];
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private CancellationTokenSource? _cancel;
    private string? _measuring;
    private int _done, _version;
    private IReadOnlyList<string> _measured = [];

    [Inject] private MemorySpanLoader Loader { get; set; } = null!;

    /// <summary>The compared runs, in the loss chart's order (run i is drawn in its colour i).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ComparedRun> Runs { get; set; } = [];

    /// <summary>The curves drawn now (for tests).</summary>
    public IReadOnlyList<RunMemorySpan> Curves => _curves.Select(c => c.Span).ToList();

    // Another set of runs makes the drawn curves stale: they go until measured again.
    protected override void OnParametersSet()
    {
        var ids = Runs.Select(r => r.Run.Id).ToList();
        if (ids.SequenceEqual(_measured)) return;
        _measured = ids;
        Cancel();
        _curves.Clear();
        _problems.Clear();
    }

    private async Task MeasureAsync()
    {
        Cancel();
        var cancel = _cancel = new CancellationTokenSource();
        var runs = Runs;
        _curves.Clear();
        _problems.Clear();
        _done = 0;
        try
        {
            foreach (var run in runs)
            {
                _measuring = run.Run.Name;
                StateHasChanged();
                await MeasureOneAsync(run, cancel.Token);
                _done++;
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
        finally
        {
            if (_cancel == cancel) _measuring = null;
        }
    }

    private async Task MeasureOneAsync(ComparedRun run, CancellationToken cancel)
    {
        try
        {
            _curves.Add((run, await Loader.MeasureAsync(run.Run.Id, cancel)));
            Draw();
        }
        catch (CharRnnException ex)
        {
            _problems.Add($"{run.Run.Name}: {ex.Message}");
        }
    }

    private void Cancel()
    {
        _cancel?.Cancel();
        _measuring = null;
    }

    private void Draw()
    {
        _data = _curves.Select(c => (ITrace)Trace(c.Span, CompareChart.Palette[IndexOf(c.Run) % CompareChart.Palette.Count])).ToList();
        _layout = NewLayout();
        _version++;
    }

    private int IndexOf(ComparedRun run) => Math.Max(0, Runs.ToList().FindIndex(r => r.Run.Id == run.Run.Id));

    private static Scatter Trace(RunMemorySpan span, string colour) => new()
    {
        Name = $"{span.Run.Name} · {span.Run.ModelLabel}",
        Mode = ModeFlag.Lines,
        Line = new Line { Color = colour, Width = 2m },
        X = Enumerable.Range(1, span.Chart.Span).Select(k => (object)k).ToList(),
        Y = span.Chart.MeanNorms.Select(v => (object)v).ToList(),
        HoverTemplate = "%{y:.3g} at %{x} characters back",
    };

    private static Plotly.Blazor.Layout NewLayout() => new()
    {
        Height = 340,
        Margin = new Margin { L = 60, R = 10, T = 10, B = 45 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "distance k (characters back)" } }],
        YAxis = [new YAxis
        {
            Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log,
            ExponentFormat = Plotly.Blazor.LayoutLib.YAxisLib.ExponentFormatEnum.Power,
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "mean ‖∂ log p / ∂x<sub>N−k</sub>‖" },
        }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.15m }],
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "#ffffff",
    };

    public void Dispose() => _cancel?.Cancel();
}
