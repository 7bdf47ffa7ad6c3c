using Bunit;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Compare;
using CharRnnLab.Web.Components.Compare;
using CharRnnLab.Web.Components.Pages;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Runs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CharRnnLab.Web.Tests.Components.Compare;

/// <summary>The Compare page over a real lab's stored runs.</summary>
public sealed class ComparePageTests(CompareLabFixture lab) : LabComponentContext, IClassFixture<CompareLabFixture>
{
    private const string Missing = "20250101-000000-ffff";

    public override Task InitializeAsync()
    {
        Services.AddSingleton(lab.Lab.Service<RunManager>());
        Services.AddSingleton(lab.Lab.Service<RunNotifier>());
        Services.AddSingleton(lab.Lab.Service<RunComparisonLoader>());
        Services.AddSingleton(lab.Lab.Service<MemorySpanLoader>());
        AddYardstickServices(lab.Lab);
        Services.AddSingleton(lab.Lab.Service<CharRnnLab.Web.Queue.RunQueue>());
        return Task.CompletedTask;
    }

    /// <summary>Opens /compare?runs=…&amp;x=… (the query is the page's only input).</summary>
    private IRenderedComponent<ComparePage> Open(string runs, CompareAxis axis = CompareAxis.Iterations)
    {
        Navigation.NavigateTo(CompareLinks.For(CompareLinks.ParseRuns(runs), axis));
        var page = Render<ComparePage>(_ => { });
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=compare-loading]")));
        return page;
    }

    [Fact]
    public void Three_runs_show_three_curves_and_a_row_each_with_shape_parameters_and_best_loss()
    {
        var page = Open(string.Join(',', lab.RunIds));

        var chart = page.Find("[data-testid=compare-chart]");
        Assert.Equal("3", chart.GetAttribute("data-curves"));
        var rows = page.FindAll("[data-testid=compare-row]");
        Assert.Equal(lab.RunIds, rows.Select(r => r.GetAttribute("data-run-id")));
        Assert.Equal(["LSTM", "GRU", "RNN"], page.FindAll("[data-testid=compare-cell]").Select(c => c.TextContent));
        int vocabulary = lab.Lab.Service<ILabCorpora>().Load(lab.CorpusId).Vocabulary.Count;
        var expected = new[] { CellType.Lstm, CellType.Gru, CellType.Rnn }
            .Select(cell => ParameterLayout.ParameterCount(new ModelConfig(cell, 1, 16), vocabulary).ToString("N0"));
        Assert.Equal(expected, page.FindAll("[data-testid=compare-parameters]").Select(c => c.TextContent));
        Assert.All(page.FindAll("[data-testid=compare-best-nats]"), c => Assert.Equal("3.100", c.TextContent));
        Assert.All(page.FindAll("[data-testid=compare-best-bits]"), c => Assert.Equal((3.1 / Math.Log(2)).ToString("0.000"), c.TextContent));
        Assert.Empty(page.FindAll("[data-testid=compare-hint]"));
    }

    [Fact]
    public void The_corpus_gets_its_best_n_gram_as_a_level_line_and_in_each_row()
    {
        var page = Open(string.Join(',', lab.RunIds));

        var core = CharRnnLab.Core.Yardsticks.Ngrams.NgramBaselines.Evaluate(lab.Lab.Service<ILabCorpora>().Load(lab.CorpusId), 0.05)
            .Orders.MinBy(o => o.Nats)!;
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=compare-chart]").GetAttribute("data-references")));
        var line = Assert.Single(page.FindComponent<CompareChart>().Instance.ReferenceLines);
        Assert.Equal(core.Nats, line.Nats);
        Assert.Contains($"{core.Order}-gram", line.Name);
        Assert.All(page.FindAll("[data-testid=compare-ngram]"), c => Assert.Equal($"{core.Nats:0.000} ({core.Order}-gram)", c.TextContent));
        Assert.Empty(page.FindAll("[data-testid=compare-ngram-note]"));
    }

    [Fact]
    public void A_run_that_does_not_exist_is_named_and_the_others_are_still_compared()
    {
        var page = Open($"{lab.RunIds[0]},{Missing}");

        Assert.Contains(Missing, page.Find("[data-testid=compare-problem]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=compare-chart]").GetAttribute("data-curves"));
    }

    [Fact]
    public void Fewer_than_two_runs_ask_for_more() =>
        Assert.NotNull(Open(lab.RunIds[0]).Find("[data-testid=compare-hint]"));

    [Fact]
    public void The_axis_from_the_url_puts_characters_seen_on_x()
    {
        var page = Open(string.Join(',', lab.RunIds), CompareAxis.Characters);

        var chart = page.FindComponent<CompareChart>();
        Assert.Equal("chars", page.Find("[data-testid=compare-chart]").GetAttribute("data-axis"));
        Assert.Equal(100.0 * 4 * 16, chart.Instance.Series[0].Training[^1].X);
    }

    [Fact]
    public async Task Choosing_an_axis_or_runs_changes_the_url_so_it_can_be_shared()
    {
        var page = Open(string.Join(',', lab.RunIds));

        await page.InvokeAsync(() => page.FindComponent<MudToggleGroup<CompareAxis>>().Instance.ValueChanged.InvokeAsync(CompareAxis.WallTime));
        Assert.EndsWith(CompareLinks.For(lab.RunIds, CompareAxis.WallTime), Navigation.Uri);

        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.SelectedValuesChanged.InvokeAsync([lab.RunIds[2], lab.RunIds[0]]));
        Assert.EndsWith(CompareLinks.For([lab.RunIds[2], lab.RunIds[0]], CompareAxis.WallTime), Navigation.Uri); // the axis stays
    }

    /// <summary>Stores a run of 10 iterations and compares it with the LSTM; returns the run and the page.</summary>
    private (RunSummary Run, IRenderedComponent<ComparePage> Page) OpenWithShortRun(string id)
    {
        var run = ComparedRuns.Run(id, corpusId: lab.CorpusId);
        lab.Lab.Service<CharRnnLab.Web.Storage.RunStore>().Insert(run);
        lab.Extend(id, 1, 10);
        return (run, Open($"{lab.RunIds[0]},{id}"));
    }

    [Fact]
    public void A_compared_run_that_changes_state_is_read_again()
    {
        const string id = "20250101-000000-a0ff";
        var (run, page) = OpenWithShortRun(id);
        Assert.Equal(10, page.FindComponent<CompareChart>().Instance.Series[1].Training.Count);

        lab.Extend(id, 11, 10);
        lab.Lab.Service<RunNotifier>().Publish(new RunUpdate(run, [], [], StateChanged: true));

        page.WaitForAssertion(() => Assert.Equal(20, page.FindComponent<CompareChart>().Instance.Series[1].Training.Count));
    }

    [Fact]
    public void A_compared_run_that_trains_is_read_again_every_couple_of_seconds_not_on_every_update()
    {
        const string id = "20250101-000000-a0fe";
        var (run, page) = OpenWithShortRun(id);
        int Points() => page.FindComponent<CompareChart>().Instance.Series[1].Training.Count;
        var notifier = lab.Lab.Service<RunNotifier>();

        lab.Extend(id, 11, 10);
        notifier.Publish(new RunUpdate(run, [], [], StateChanged: false));
        Assert.Equal(10, Points());

        Time.Advance(ComparePage.LiveRefresh);
        notifier.Publish(new RunUpdate(run, [], [], StateChanged: false));
        page.WaitForAssertion(() => Assert.Equal(20, Points()));
    }
}
