using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

public class DialogueGeneratorTests
{
    private static GeneratedCorpus Dialogue => BundledCorpora.Get("dialogue");

    [Fact]
    public void Every_paragraph_has_balanced_quotes()
    {
        var paragraphs = Dialogue.Text.Split("\n\n");
        Assert.True(paragraphs.Length > 1000);
        Assert.All(paragraphs, p => Assert.True(p.Count(c => c == '"') % 2 == 0, $"unbalanced quotes in: {p}"));
        Assert.True(paragraphs.Count(p => p.Contains('"')) > paragraphs.Length / 3, "dialogue should be frequent");
    }

    [Fact]
    public void Some_quotes_run_across_line_breaks()
    {
        var quote = Dialogue.Tracks[CorpusTracks.Quote];
        int newlinesInsideQuotes = Dialogue.Text.Select((c, i) => c == '\n' && quote[i] == 1).Count(b => b);
        Assert.True(newlinesInsideQuotes > 1000, $"only {newlinesInsideQuotes} line breaks inside quotes");
    }

    [Fact]
    public void Lines_are_wrapped_at_the_configured_width()
    {
        var lines = Dialogue.Text.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 76, $"line of {l.Length}: {l}"));
        Assert.True(lines.Count(l => l.Length >= 70) > lines.Length / 3, "most wrapped lines should come close to the width");

        var narrow = Generators.Generate(BundledCorpora.Small("dialogue", wrap: 50));
        Assert.All(narrow.Text.Split('\n'), l => Assert.True(l.Length <= 50, $"line of {l.Length}: {l}"));
        Assert.Contains(narrow.Text.Split('\n'), l => l.Length >= 46);
    }

    [Fact]
    public void Quote_track_agrees_with_the_text_everywhere()
    {
        Assert.Null(TrackReference.FirstDifference(Dialogue.Text, TrackReference.Quotes(Dialogue.Text), Dialogue.Tracks[CorpusTracks.Quote]));
        Assert.All(new[] { CorpusTracks.Url, CorpusTracks.Indent, CorpusTracks.Comment },
            t => Assert.All(Dialogue.Tracks[t], v => Assert.Equal(0f, v)));
    }

    [Fact]
    public void Quote_track_at_hand_checked_positions()
    {
        string text = Dialogue.Text;
        var quote = Dialogue.Tracks[CorpusTracks.Quote];
        int open = text.IndexOf("\n\n\"", StringComparison.Ordinal) + 2;  // a paragraph that opens with speech
        int close = text.IndexOf('"', open + 1);
        Assert.Equal('"', text[open]);
        Assert.Equal((0f, 1f, 1f), (quote[open - 1], quote[open], quote[open + 1]));   // blank line, opening quote, first letter
        Assert.Equal((1f, 0f), (quote[close - 1], quote[close]));                     // last character inside, closing quote
        Assert.Equal(0f, quote[close + 1]);
    }

    [Fact]
    public void Speech_is_in_the_present_tense_and_narration_in_the_past()
    {
        var (inside, outside) = SplitByQuoteTrack();
        Assert.DoesNotContain(" was ", inside);
        Assert.Contains(" is ", inside);
        Assert.True(CountOf(" was ", outside) > 1000, "narration should be in the past tense");
        Assert.True(CountOf(" is ", outside) < CountOf(" was ", outside) / 20, "narration should rarely use the present tense");
    }

    [Fact]
    public void Narration_quotes_short_phrases_that_end_without_punctuation()
    {
        string text = Dialogue.Text;
        var quote = Dialogue.Tracks[CorpusTracks.Quote];
        int phraseEnds = Enumerable.Range(1, text.Length - 1).Count(i => text[i] == '"' && quote[i - 1] == 1 && char.IsLetter(text[i - 1]));
        Assert.True(phraseEnds > 500, $"only {phraseEnds} quotations close right after a word");
    }

    private static (string Inside, string Outside) SplitByQuoteTrack()
    {
        var quote = Dialogue.Tracks[CorpusTracks.Quote];
        var inside = new System.Text.StringBuilder();
        var outside = new System.Text.StringBuilder();
        for (int i = 0; i < Dialogue.Text.Length; i++) (quote[i] == 1 ? inside : outside).Append(Dialogue.Text[i] == '\n' ? ' ' : Dialogue.Text[i]);
        return (inside.ToString(), outside.ToString());
    }

    private static int CountOf(string word, string text) => (text.Length - text.Replace(word, "").Length) / word.Length;

    [Fact]
    public void Chapters_start_with_a_heading()
    {
        var first = Dialogue.Text.Split('\n')[0];
        Assert.Matches(@"^(CHAPTER [IVXLC]+|Chapter \d+: .+|[IVXLC]+\.)$", first);
    }
}
