using Bunit;
using CharRnnLab.Core.Yardsticks.Novelty;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Web.Components.Yardsticks;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Components.Yardsticks;

/// <summary>Memorisation on a sample: the numbers and the copied spans marked in the text.</summary>
public sealed class NoveltyBadgeTests(YardstickLab lab) : LabComponentContext, IClassFixture<YardstickLab>
{
    public override Task InitializeAsync()
    {
        AddYardstickServices(lab.Lab);
        return Task.CompletedTask;
    }

    private string TrainingPiece(int from, int length) => lab.Corpus.Text.Substring(from, length);

    [Fact]
    public void A_copied_piece_is_marked_and_the_numbers_are_Cores()
    {
        string sample = "zq " + TrainingPiece(200, 60) + " qz";
        var badge = Render<NoveltyBadge>(p => p.Add(x => x.Run, lab.Run()).Add(x => x.Text, sample));

        badge.WaitForAssertion(() => Assert.NotNull(badge.Find("[data-testid=novelty-summary]")));
        var core = NoveltyCheck.For(lab.Corpus, YardstickLab.Fraction).Measure(sample);
        var summary = badge.Find("[data-testid=novelty-summary]");
        Assert.Equal(core.Longest.Length.ToString(), summary.GetAttribute("data-longest"));
        Assert.Equal(NoveltyBadge.Summary(core), summary.TextContent.Trim());
        var marks = badge.FindAll("[data-testid=novelty-text] mark.copied");
        Assert.Equal(core.Copied.Select(s => sample.Substring(s.Start, s.Length)), marks.Select(m => m.TextContent));
        Assert.Equal(sample, badge.Find("[data-testid=novelty-text]").TextContent);
    }

    [Fact]
    public void An_all_new_sample_has_no_marks()
    {
        var badge = Render<NoveltyBadge>(p => p.Add(x => x.Run, lab.Run()).Add(x => x.Text, "zzqq\nqz\n"));

        badge.WaitForAssertion(() => Assert.Contains("2 of 2 lines new", badge.Find("[data-testid=novelty-summary]").TextContent));
        Assert.Empty(badge.FindAll("[data-testid=novelty-text]"));
        Assert.Contains("0% in copies of ≥ 20", badge.Find("[data-testid=novelty-summary]").TextContent);
    }

    [Fact]
    public void A_run_without_its_corpus_offers_nothing()
    {
        var badge = Render<NoveltyBadge>(p => p.Add(x => x.Run, lab.Run() with { CorpusId = "" }).Add(x => x.Text, "abc"));

        Assert.Empty(badge.FindAll("[data-testid=novelty-check]"));
        Assert.Empty(badge.FindAll("[data-testid=novelty-summary]"));
    }

    [Fact]
    public void The_sampling_panels_text_is_checked_for_its_run()
    {
        Sampler.Text = "zq " + TrainingPiece(500, 30);
        var panel = Render<SamplingPanel>(p => p.Add(s => s.RunId, "r").Add(s => s.Run, lab.Run()));

        Time.Advance(SamplingPanel.DebounceDelay);

        panel.WaitForAssertion(() => Assert.Equal(NoveltyBadge.Summary(NoveltyCheck.For(lab.Corpus, YardstickLab.Fraction).Measure(Sampler.Text)),
            panel.Find("[data-testid=novelty-summary]").TextContent.Trim()));
        Assert.NotEmpty(panel.FindAll("[data-testid=novelty-text] mark.copied"));
    }

    [Fact]
    public void Timeline_entries_of_a_run_are_checked()
    {
        SampleEvent[] samples = [new("r", 100, 0.8, TrainingPiece(300, 40), 2.0), new("r", 200, 0.8, "zq qz\n", 1.9)];

        var timeline = Render<SampleEvolution>(p => p.Add(s => s.Samples, samples).Add(s => s.Run, lab.Run()));

        timeline.WaitForAssertion(() => Assert.Equal(2, timeline.FindAll("[data-testid=sample-entry] [data-testid=novelty-summary]").Count));
        Assert.Single(timeline.FindAll("[data-testid=sample-entry] [data-testid=novelty-text]"));
    }
}
