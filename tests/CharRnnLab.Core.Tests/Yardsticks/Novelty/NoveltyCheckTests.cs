using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Core.Yardsticks.Novelty;

namespace CharRnnLab.Core.Tests.Yardsticks.Novelty;

public class NoveltyCheckTests
{
    private const string Names = "anna\nbob\ncarl\ndora\nthe quick brown fox jumps over the lazy dog\nzed\n";

    private static NoveltyCheck Check(string text, double validationFraction = 0)
    {
        var corpus = CorpusLoader.FromText("t", text);
        return new NoveltyCheck(NgramIndex.Build(corpus, validationFraction), corpus.Vocabulary);
    }

    [Fact]
    public void A_sample_that_is_half_a_training_line_copies_that_half()
    {
        const string half = "the quick brown fox jumps"; // 25 symbols of a training line
        string sample = half + "zzzzzzzzzzzzzzzzzzzzzzzzz";

        var report = Check(Names).Measure(sample);

        Assert.Equal(new CopiedSpan(0, 25), report.Longest);
        Assert.Equal(half, report.LongestText);
        Assert.Equal([new CopiedSpan(0, 25)], report.Copied);
        Assert.Equal(0.5, report.CopiedShare, 12);
    }

    [Fact]
    public void An_all_new_sample_copies_nothing_of_20_symbols()
    {
        var report = Check(Names).Measure("zebra crossing near a tall oak, quietly\nnew\n");

        Assert.Empty(report.Copied);
        Assert.Equal(0, report.CopiedShare);
        Assert.True(report.Longest.Length < 20, $"longest copy {report.Longest}");
        Assert.Equal((2, 2, 1.0), (report.Lines, report.NovelLines, report.NovelLineShare));
    }

    [Fact]
    public void Lines_count_as_copied_only_when_they_are_whole_training_lines()
    {
        // anna is the first training line, zed the last, bob inside; "ob" is only part of a line; "car" is cut off.
        var report = Check(Names.TrimEnd('\n')).Measure("bob\nob\nanna\n\nzed\nyves\ncar");

        Assert.Equal((5, 2), (report.Lines, report.NovelLines));
        Assert.Equal(0.4, report.NovelLineShare!.Value, 12);
    }

    [Fact]
    public void The_longest_copy_equals_searching_every_substring()
    {
        var random = new Random(12);
        string text = new(Enumerable.Range(0, 3000).Select(_ => "abcd"[random.Next(4)]).ToArray());
        var check = Check(text);
        for (int trial = 0; trial < 5; trial++)
        {
            string sample = text.Substring(random.Next(2000), 40) + new string(Enumerable.Range(0, 60).Select(_ => "abcd"[random.Next(4)]).ToArray());

            var report = check.Measure(sample);

            int longest = Enumerable.Range(0, sample.Length).Max(i => Enumerable.Range(1, sample.Length - i).LastOrDefault(n => text.Contains(sample.Substring(i, n))));
            Assert.Equal(longest, report.Longest.Length);
            Assert.Contains(report.LongestText, text);
            Assert.Equal(report.LongestText, sample.Substring(report.Longest.Start, report.Longest.Length));
        }
    }

    [Fact]
    public void Copies_that_meet_stay_two_spans_and_one_long_copy_is_one()
    {
        // Two training lines' pieces of 22 and 24 symbols meet at a seam that occurs nowhere: two spans, not one.
        var check = Check("abcdefghijklmnopqrstuvwxyz\nABCDEFGHIJKLMNOPQRSTUVWXYZ\n");

        var report = check.Measure("abcdefghijklmnopqrstuv" + "CDEFGHIJKLMNOPQRSTUVWXYZ");
        var whole = check.Measure("abcdefghijklmnopqrstuvwxyz\nABC");

        Assert.Equal([new CopiedSpan(0, 22), new CopiedSpan(22, 24)], report.Copied);
        Assert.Equal([new CopiedSpan(0, 30)], whole.Copied);
    }

    [Fact]
    public void Only_the_training_split_counts_and_an_unknown_symbol_matches_nothing()
    {
        string text = "first half of the text is training.\n" + "second half is validation only!!\n";
        var check = Check(text, 0.5);

        var fromValidation = check.Measure("second half is validation only");
        var withUnknown = check.Measure("first half of the~text is training");

        Assert.True(fromValidation.Longest.Length < 10, $"{fromValidation.LongestText}");
        Assert.Equal("first half of the", withUnknown.LongestText); // not the whole line: ~ breaks it
    }
}
