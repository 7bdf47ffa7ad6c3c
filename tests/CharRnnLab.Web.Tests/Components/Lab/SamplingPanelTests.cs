using Bunit;
using CharRnnLab.Web.Components.Lab;

namespace CharRnnLab.Web.Tests.Components.Lab;

public sealed class SamplingPanelTests : LabComponentContext
{
    private IRenderedComponent<SamplingPanel> RenderPanel() =>
        Render<SamplingPanel>(p => p.Add(s => s.RunId, "run-1").Add(s => s.SampleOnOpen, false));

    [Fact]
    public void Dragging_the_slider_samples_once_for_the_final_temperature_after_250_ms()
    {
        var panel = RenderPanel();

        foreach (var value in Enumerable.Range(0, 30).Select(i => (0.2 + i * 0.05).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))
            MoveSlider(panel, value);
        panel.WaitForAssertion(() => Assert.Equal("1.65", panel.Find("[data-testid=temperature-value]").TextContent));
        Time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Empty(Sampler.Requests);

        Time.Advance(TimeSpan.FromMilliseconds(1));
        panel.WaitForAssertion(() => Assert.Single(Sampler.Requests));
        Assert.Equal(1.65, Sampler.Requests[0].Temperature, 6);
        panel.WaitForAssertion(() => Assert.Equal("1", panel.Find("[data-testid=sampled-text]").GetAttribute("data-version")));
    }

    [Fact]
    public async Task Releasing_the_slider_samples_at_once_for_its_value()
    {
        var panel = RenderPanel();

        MoveSlider(panel, "1.40");
        await panel.InvokeAsync(() => panel.Instance.OnSliderReleased("1.45")); // what slider-release.js calls on the input's change

        panel.WaitForAssertion(() => Assert.Single(Sampler.Requests)); // no time passed: the drag's pending sample was superseded
        Assert.Equal(1.45, Sampler.Requests[0].Temperature, 6);
        Time.Advance(SamplingPanel.DebounceDelay);
        Assert.Single(Sampler.Requests);
        Assert.Equal("1.45", panel.Find("[data-testid=temperature-value]").TextContent);
    }

    /// <summary>
    /// Finds the slider again for every move, and once more if a render slipped in between: each input
    /// re-renders the panel, and an element found before a render may carry an event handler id that
    /// no longer exists.
    /// </summary>
    private static void MoveSlider(IRenderedComponent<SamplingPanel> panel, string value)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                panel.Find("[data-testid=temperature-slider] input[type=range]").Input(value);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex.Message.Contains("event handler", StringComparison.OrdinalIgnoreCase))
            {
                // a render replaced the slider between Find and Input: find it again
            }
        }
    }

    [Fact]
    public void Greedy_samples_at_temperature_zero()
    {
        var panel = RenderPanel();

        panel.Find("[data-testid=greedy-switch] input").Change(true);
        Time.Advance(SamplingPanel.DebounceDelay);

        panel.WaitForAssertion(() => Assert.Equal(0, Assert.Single(Sampler.Requests).Temperature));
        panel.WaitForAssertion(() => Assert.Contains("greedy", panel.Find("[data-testid=sampled-caption]").TextContent));
    }

    [Fact]
    public void Sampled_text_is_rendered_as_text_one_span_per_symbol_with_its_candidates()
    {
        var panel = RenderPanel();

        panel.Find("[data-testid=sample-button]").Click();
        Time.Advance(SamplingPanel.DebounceDelay);

        panel.WaitForAssertion(() => Assert.Equal(7, panel.FindAll("[data-testid=sampled-text] span[data-c]").Count));
        var text = panel.Find("[data-testid=sampled-text]");
        Assert.Equal("ab<b>c\n", text.TextContent);
        Assert.Empty(text.QuerySelectorAll("b"));
        Assert.Equal("[[\"a\",0.5],[\"a\",0.5],[\"x\",0.25]]", text.QuerySelectorAll("span[data-c]")[0].GetAttribute("data-c"));
    }
}
