using Bunit;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Web.Components.NeuronViews;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Components.NeuronViews;

/// <summary>The text view's overlay mode as Blazor drives it, and the legends that say what an overlay's colours measure.</summary>
public sealed class OverlayViewsTests : LabComponentContext
{
    private readonly NeuronRecording _recording = SyntheticRecordings.Make("the cat sees \"a dog\".\n", layers: 1, units: 3);

    private static InfluenceOverlay Influence(params float[] values) =>
        new(7, " ", -0.52, "one-hot", new TextOverlay(InfluenceOverlay.Name, 7 - values.Length, values, TextOverlay.Scaled, 7));

    [Fact]
    public async Task The_text_view_forwards_a_clicked_character_and_sends_the_overlay_to_the_browser_once()
    {
        var module = JSInterop.SetupModule("./assets/js/neurons.js");
        module.Mode = Bunit.JSRuntimeMode.Loose;
        var picked = new List<int>();
        int dismissed = 0;
        var influence = Influence(0.1f, 0.4f, 0.2f);
        var view = Render<NeuronTextView>(p => p
            .Add(c => c.Recording, _recording)
            .Add(c => c.Selected, new CellId(0, ActivationKind.TanhCell, 1))
            .Add(c => c.OnCharacterPicked, (int i) => picked.Add(i))
            .Add(c => c.OnOverlayDismissed, () => dismissed++));

        await view.InvokeAsync(() => view.Instance.OnCharacterClicked(7));
        await view.InvokeAsync(() => view.Instance.OnCharacterClicked(_recording.Recording.Characters)); // past the text: ignored
        view.Render(p => p.Add(c => c.Overlay, influence.Overlay));
        view.Render(p => p.Add(c => c.Overlay, influence.Overlay));
        await view.InvokeAsync(() => view.Instance.OnOverlayCleared());

        Assert.Equal([7], picked);
        var sent = Assert.Single(module.Invocations["overlay"]);
        Assert.Same(influence.Overlay, sent.Arguments[1]);
        Assert.Equal(1, dismissed);
        view.Render(p => p.Add(c => c.Overlay, null));
        Assert.Single(module.Invocations["overlay"]); // the browser cleared it itself: nothing to send
    }

    [Fact]
    public void The_influence_legend_names_the_prediction_the_measure_and_the_scale_from_white()
    {
        int dismissed = 0;
        var legend = Render<InfluenceLegend>(p => p.Add(c => c.Influence, Influence(0.1f, 0.4f, 0.25f)).Add(c => c.OnDismiss, () => dismissed++));

        string what = System.Text.RegularExpressions.Regex.Replace(legend.Find("[data-testid=overlay-what]").TextContent, @"\s+", " ");
        Assert.Contains("predicting “·” (character 7, log p = -0.52 nats)", what);
        Assert.Contains("each of the 3 characters before it", what);
        Assert.Contains("∂ log p(next) / ∂x", what);
        Assert.Contains("one-hot input", what);
        Assert.Contains("not integrated gradients", what);
        var bar = legend.Find(".bar").GetAttribute("style")!;
        Assert.Contains(ActivationColours.For(0), bar);
        Assert.DoesNotContain(ActivationColours.For(-1), bar);
        Assert.Equal(["0", "0.4"], legend.FindAll(".colour-legend > span:not(.bar)").Select(s => s.TextContent));
        legend.Find("[data-testid=overlay-dismiss]").Click();
        Assert.Equal(1, dismissed);
    }

    [Fact]
    public void An_overlay_with_negative_values_spans_blue_to_red_around_its_largest_magnitude()
    {
        var overlay = new TextOverlay("change in log p", 0, [0.2f, -0.8f, 0.1f], TextOverlay.Scaled, null);

        var legend = Render<OverlayLegend>(p => p.Add(c => c.Overlay, overlay));

        Assert.Contains(ActivationColours.For(-1), legend.Find(".bar").GetAttribute("style"));
        Assert.Equal(["−0.8", "0.8"], legend.FindAll(".colour-legend > span:not(.bar)").Select(s => s.TextContent));
    }
}
