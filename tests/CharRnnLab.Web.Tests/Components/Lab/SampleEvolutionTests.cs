using Bunit;
using CharRnnLab.Web.Components.Lab;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Components.Lab;

public sealed class SampleEvolutionTests : LabComponentContext
{
    private static readonly SampleEvent[] Samples =
    [
        new("r", 100, 0.8, "xq<i>zz", 3.9),
        new("r", 200, 0.8, "the cat", 2.1),
        new("r", 300, 0.8, "the cat sat.", 1.4),
    ];

    [Fact]
    public void The_timeline_lists_samples_oldest_first_with_iteration_and_loss_as_plain_text()
    {
        var view = Render<SampleEvolution>(p => p.Add(s => s.Samples, Samples));

        var entries = view.FindAll("[data-testid=sample-entry]");
        Assert.Equal(["100", "200", "300"], entries.Select(e => e.GetAttribute("data-iteration")));
        Assert.Contains("iteration 100 · loss 3.900", entries[0].TextContent);
        Assert.Equal("xq<i>zz", entries[0].QuerySelector("pre")!.TextContent);
        Assert.Empty(entries[0].QuerySelectorAll("i"));
    }

    [Fact]
    public void Compare_shows_the_first_and_the_latest_sample_side_by_side()
    {
        var view = Render<SampleEvolution>(p => p.Add(s => s.Samples, Samples));

        view.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Compare")).Click();

        Assert.Contains("xq<i>zz", view.Find("[data-testid=compare-left-text]").TextContent);
        Assert.Contains("the cat sat.", view.Find("[data-testid=compare-right-text]").TextContent);
    }

    [Fact]
    public void Without_samples_it_says_when_they_will_come()
    {
        var view = Render<SampleEvolution>(p => p.Add(s => s.Samples, []).Add(s => s.SampleEvery, 25));

        Assert.Contains("every 25 iterations", view.Find("[data-testid=no-samples]").TextContent);
    }

    [Fact]
    public void Scheduled_samples_are_labelled_and_the_hint_lists_the_schedule()
    {
        var post = new SampleSchedule([100, 300, 500, 700, 1200, 2000]);
        var empty = Render<SampleEvolution>(p => p.Add(s => s.Samples, []).Add(s => s.SampleEvery, 0).Add(s => s.SampleAt, post));
        var view = Render<SampleEvolution>(p => p.Add(s => s.Samples, Samples).Add(s => s.SampleEvery, 200).Add(s => s.SampleAt, post));

        Assert.Equal("Samples appear here at iterations 100, 300, 500, 700, 1,200 and 2,000 while the run trains.",
            empty.Find("[data-testid=no-samples]").TextContent.Trim());
        var entries = view.FindAll("[data-testid=sample-entry]");
        Assert.Equal(["100", "300"], entries.Where(e => e.GetAttribute("data-scheduled") == "true").Select(e => e.GetAttribute("data-iteration")));
        Assert.Contains("iteration 100 (scheduled) · loss 3.900", entries[0].TextContent);
        Assert.Contains("iteration 200 · loss", entries[1].TextContent);
    }

    [Theory]
    [InlineData(100, "", "every 100 iterations")]
    [InlineData(0, "1200", "at iteration 1,200")]
    [InlineData(0, "100,300", "at iterations 100 and 300")]
    [InlineData(250, "10,20,30", "every 250 iterations and at iterations 10, 20 and 30")]
    [InlineData(0, "", null)]
    public void Sample_times_are_described_in_words(int every, string at, string? expected) =>
        Assert.Equal(expected, SampleTimes.Describe(every, SampleSchedule.Parse(at)));

    [Fact]
    public void A_run_without_samples_says_so()
    {
        var view = Render<SampleEvolution>(p => p.Add(s => s.Samples, []).Add(s => s.SampleEvery, 0));

        Assert.Contains("no training samples", view.Find("[data-testid=no-samples]").TextContent);
    }
}
