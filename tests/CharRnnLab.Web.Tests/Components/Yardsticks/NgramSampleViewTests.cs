using Bunit;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Web.Components.Yardsticks;
using CharRnnLab.Web.Contracts;
using MudBlazor;

namespace CharRnnLab.Web.Tests.Components.Yardsticks;

/// <summary>The sample timeline's "n-gram" tab: a run's sample beside an n-gram's, same temperature and length.</summary>
public sealed class NgramSampleViewTests(YardstickLab lab) : LabComponentContext, IClassFixture<YardstickLab>
{
    private static readonly SampleEvent[] Samples =
    [
        new("r", 100, 0.5, "the cat sees", 2.5),
        new("r", 200, 0.8, "the dog finds the moon.\n", 1.9),
    ];

    public override Task InitializeAsync()
    {
        AddYardstickServices(lab.Lab);
        return Task.CompletedTask;
    }

    private IRenderedComponent<NgramSampleView> Open(RunSummary run) =>
        Render<NgramSampleView>(p => p.Add(x => x.Run, run).Add(x => x.Samples, Samples));

    private string CoreSample(int order, SampleEvent beside, bool unsmoothed) => NgramBaselines.Sample(lab.Corpus, YardstickLab.Fraction,
        new NgramSampleOptions(order, beside.Text.Length, beside.Temperature, unsmoothed, NgramSampleView.FirstSeed));

    private static string ShownText(IRenderedComponent<NgramSampleView> view) => view.Find("[data-testid=ngram-text] pre").TextContent;

    [Fact]
    public void The_latest_sample_gets_the_default_orders_text_at_its_temperature_and_length()
    {
        var view = Open(lab.Run());

        view.WaitForAssertion(() => Assert.NotNull(view.Find("[data-testid=ngram-text] pre")));
        Assert.Equal(CoreSample(NgramSampleView.DefaultOrder, Samples[^1], unsmoothed: false), ShownText(view));
        Assert.Equal(Samples[^1].Text, view.Find("[data-testid=ngram-run-text] pre").TextContent);
        Assert.Contains("T 0.8", view.Find("[data-testid=ngram-text]").TextContent);
    }

    [Fact]
    public async Task Another_order_smoothing_or_sample_draws_again()
    {
        var view = Open(lab.Run());
        view.WaitForAssertion(() => Assert.NotNull(view.Find("[data-testid=ngram-text] pre")));

        await view.InvokeAsync(() => view.FindComponent<MudToggleGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        view.WaitForAssertion(() => Assert.Equal(CoreSample(NgramSampleView.DefaultOrder, Samples[^1], unsmoothed: true), ShownText(view)));

        var selects = view.FindComponents<MudSelect<int>>();
        await view.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(3));
        view.WaitForAssertion(() => Assert.Equal(CoreSample(3, Samples[^1], unsmoothed: true), ShownText(view)));

        await view.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(100));
        view.WaitForAssertion(() => Assert.Equal(CoreSample(3, Samples[0], unsmoothed: true), ShownText(view)));
        Assert.Contains("T 0.5", view.Find("[data-testid=ngram-text]").TextContent);
    }

    [Fact]
    public void A_run_imported_without_its_corpus_says_so_when_asked()
    {
        var view = Open(lab.Run() with { CorpusId = "" });

        view.Find("[data-testid=ngram-sample-button]").Click();

        view.WaitForAssertion(() => Assert.Contains("imported without its corpus", view.Find("[data-testid=ngram-sample-error]").TextContent));
    }

    [Fact]
    public void The_timeline_offers_the_tab_only_for_a_run()
    {
        var without = Render<SampleEvolution>(p => p.Add(s => s.Samples, Samples));
        Assert.DoesNotContain(without.FindAll(".mud-tab"), t => t.TextContent.Contains("n-gram"));

        var with = Render<SampleEvolution>(p => p.Add(s => s.Samples, Samples).Add(s => s.Run, lab.Run()));
        with.FindAll(".mud-tab").Single(t => t.TextContent.Contains("n-gram")).Click();

        with.WaitForAssertion(() => Assert.NotNull(with.Find("[data-testid=ngram-samples]")));
    }
}
