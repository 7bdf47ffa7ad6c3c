using Bunit;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Components.Yardsticks;
using CharRnnLab.Web.Contracts;
using MudBlazor;

namespace CharRnnLab.Web.Tests.Components.Yardsticks;

/// <summary>The run page's "validation loss vs n-gram order" panel over a real lab's corpus.</summary>
public sealed class NgramBaselinePanelTests(YardstickLab lab) : LabComponentContext, IClassFixture<YardstickLab>
{
    public override Task InitializeAsync()
    {
        AddYardstickServices(lab.Lab);
        return Task.CompletedTask;
    }

    private IRenderedComponent<NgramBaselinePanel> Open(RunSummary run, double? best) =>
        Render<NgramBaselinePanel>(p => p.Add(x => x.Run, run).Add(x => x.BestValidationLoss, best));

    /// <summary>The order a run of loss <paramref name="nats"/> beats up to, read off Core's report naively.</summary>
    private int BeatenUpTo(double nats) => lab.CoreReport().Orders.TakeWhile(o => nats < o.Nats).Count();

    [Fact]
    public void A_small_corpus_is_measured_at_once_with_Cores_numbers_and_the_runs_level_and_verdict()
    {
        var core = lab.CoreReport().Orders;
        double best = (core[1].Nats + core[2].Nats) / 2; // between the 2-gram and the 3-gram
        var panel = Open(lab.Run(), best);

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=ngram-verdict]")));
        var chart = panel.FindComponent<NgramOrderChart>().Instance;
        Assert.Equal(core.Select(o => (double)o.Order), chart.Curve.Select(p => p.X));
        Assert.Equal(core.Select(o => o.Nats), chart.Curve.Select(p => p.Y));
        Assert.Equal(best, chart.RunLevel);
        int beaten = BeatenUpTo(best);
        Assert.Contains($"this LSTM beats a {beaten}-gram but not a {beaten + 1}-gram", panel.Find("[data-testid=ngram-verdict]").TextContent);
    }

    [Fact]
    public async Task The_unit_toggle_shows_bits()
    {
        var panel = Open(lab.Run(), 1.0);
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=ngram-chart]")));

        await panel.InvokeAsync(() => panel.FindComponent<MudToggleGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));

        var chart = panel.FindComponent<NgramOrderChart>().Instance;
        Assert.Equal("bits", panel.Find("[data-testid=ngram-chart]").GetAttribute("data-unit"));
        Assert.Equal(lab.CoreReport().Orders.Select(o => o.Bits), chart.Curve.Select(p => p.Y));
        Assert.Equal(TrainingProgress.ToBits(1.0), chart.RunLevel);
        Assert.Contains(" bits)", panel.Find("[data-testid=ngram-verdict]").TextContent);
    }

    [Fact]
    public void A_run_without_a_validation_loss_yet_shows_the_curve_and_says_so()
    {
        var panel = Open(lab.Run(), null);

        panel.WaitForAssertion(() => Assert.Contains("no validation loss yet", panel.Find("[data-testid=ngram-verdict]").TextContent));
        Assert.Null(panel.FindComponent<NgramOrderChart>().Instance.RunLevel);
    }

    [Fact]
    public void A_split_without_validation_symbols_shows_Cores_refusal()
    {
        var run = lab.Run();
        run = run with { Config = run.Config with { Training = run.Config.Training with { ValidationFraction = 0 } } };

        var panel = Open(run, 1.0);

        panel.WaitForAssertion(() => Assert.Contains("validation fraction is 0", panel.Find("[data-testid=ngram-error]").TextContent));
    }

    [Fact]
    public void A_run_imported_without_its_corpus_says_there_is_no_text()
    {
        var panel = Open(lab.Run() with { CorpusId = "" }, 1.0);

        Assert.Contains("imported without its corpus", panel.Find("[data-testid=ngram-error]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=ngram-compute]"));
    }
}

/// <summary>A corpus over Lab:NgramAutoBuildBytes waits for the button.</summary>
public sealed class NgramBaselinePanelButtonTests : LabComponentContext
{
    private LabHost _lab = null!;
    private string _corpusId = "";

    public override async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync(dataDirectory: null, ("Lab:NgramAutoBuildBytes", "0"));
        _corpusId = await _lab.AddCorpusAsync();
        AddYardstickServices(_lab);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _lab.DisposeAsync();
    }

    [Fact]
    public void Nothing_is_built_until_the_button_is_pressed()
    {
        var panel = Render<NgramBaselinePanel>(p => p.Add(x => x.Run, ComparedRuns.Run("20250101-000000-b002", corpusId: _corpusId)).Add(x => x.BestValidationLoss, 2.0));

        Assert.Empty(panel.FindAll("[data-testid=ngram-chart]"));
        Assert.Empty(panel.FindAll("[data-testid=ngram-progress]"));

        panel.Find("[data-testid=ngram-compute]").Click();

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=ngram-chart]")));
    }
}
