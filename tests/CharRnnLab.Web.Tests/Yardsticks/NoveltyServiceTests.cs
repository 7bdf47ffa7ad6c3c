using CharRnnLab.Core.Yardsticks.Novelty;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Tests.Yardsticks;

/// <summary>Memorisation in the lab against Core's (what <c>charrnn novelty</c> prints), on the run's training split.</summary>
public sealed class NoveltyServiceTests(YardstickLab lab) : IClassFixture<YardstickLab>
{
    private NoveltyService Service => lab.Lab.Service<NoveltyService>();

    [Fact]
    public async Task A_sample_half_copied_from_a_training_line_is_measured_as_Core_measures_it()
    {
        string copied = lab.Corpus.Text[..3000].Split('\n').Skip(1).First(l => l.Length >= 24);  // a whole training line
        string sample = copied + "\nzzq zzq qq\n" + copied[..(copied.Length / 2)] + "zq\n";

        var report = await Service.MeasureAsync(lab.CorpusId, YardstickLab.Fraction, sample);

        var core = NoveltyCheck.For(lab.Corpus, YardstickLab.Fraction).Measure(sample);
        Assert.Equal(core.Longest, report.Longest);
        Assert.Equal(core.Copied, report.Copied);
        Assert.Equal(core.CopiedShare, report.CopiedShare);
        Assert.Equal((core.Lines, core.NovelLines), (report.Lines, report.NovelLines));
        Assert.True(report.Longest.Length >= copied.Length);
        Assert.Equal(3, report.Lines);
        Assert.Equal(2, report.NovelLines);  // the whole line is a training line; the half one and the made-up one are not
    }

    [Fact]
    public async Task A_sample_of_letters_the_corpus_lacks_copies_nothing_but_separators()
    {
        var report = await Service.MeasureAsync(lab.CorpusId, YardstickLab.Fraction, "zzqq zq\nqz\n");

        Assert.Equal(1, report.Longest.Length); // a space or a newline: the only symbols the corpus has
        Assert.Contains(report.LongestText, new[] { " ", "\n" });
        Assert.Empty(report.Copied);
        Assert.Equal(0, report.CopiedShare);
        Assert.Equal(2, report.NovelLines);
    }
}
