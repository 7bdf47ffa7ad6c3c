using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>Gate saturation scatter plots, one Plotly chart per layer, one colour per gate.
/// Give the component a new @key for a new recording: the charts are built once.</summary>
public partial class GateSaturationCharts
{
    private static readonly Dictionary<ActivationKind, string> GateColours = new()
    {
        [ActivationKind.InputGate] = "#3558a8",
        [ActivationKind.ForgetGate] = "#c2185b",
        [ActivationKind.OutputGate] = "#2e7d32",
        [ActivationKind.ResetGate] = "#3558a8",
        [ActivationKind.UpdateGate] = "#c2185b",
    };

    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private List<(int Layer, IList<ITrace> Data, Plotly.Blazor.Layout Layout)> _charts = [];

    /// <summary>Per layer and sigmoid gate, each unit's left- and right-saturated fractions (Core's GateStatistics).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<GateSaturation> Gates { get; set; } = [];

    protected override void OnInitialized() =>
        _charts = Gates.GroupBy(g => g.Layer).OrderBy(g => g.Key)
            .Select(layer => (layer.Key, (IList<ITrace>)layer.Select(Trace).ToList(), NewLayout(layer.Key)))
            .ToList();

    private static ITrace Trace(GateSaturation gate) => new Scatter
    {
        Name = $"{ActivationKinds.Symbol(gate.Gate)} ({ActivationKinds.ShortName(gate.Gate).Replace('_', ' ')})",
        Mode = ModeFlag.Markers,
        X = gate.LeftSaturated.Select(v => (object)v).ToList(),
        Y = gate.RightSaturated.Select(v => (object)v).ToList(),
        TextArray = Enumerable.Range(0, gate.LeftSaturated.Length).Select(u => $"cell #{u}").ToList(),
        HoverTemplate = "%{text}<br>left %{x:.0%} · right %{y:.0%}",
        Marker = new Marker { Color = GateColours.GetValueOrDefault(gate.Gate, "#555"), Size = 7, Opacity = 0.65m },
    };

    private static Plotly.Blazor.Layout NewLayout(int layer) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.Title { Text = $"layer {layer + 1}" },
        Height = 340,
        Margin = new Margin { L = 55, R = 10, T = 36, B = 45 },
        XAxis = [new XAxis { Range = [-0.03, 1.03], Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "fraction left-saturated (< 0.1)" } }],
        YAxis = [new YAxis { Range = [-0.03, 1.03], Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "fraction right-saturated (> 0.9)" } }],
        Legend = [new Legend { X = 1.02m, Y = 1m }],
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "#ffffff",
    };
}
