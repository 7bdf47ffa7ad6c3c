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
        Assert.All(paragraphs, p => Assert.Equal(p.Count(c => c == '“'), p.Count(c => c == '”')));
        Assert.All(paragraphs, p => Assert.DoesNotContain('"', p));
        Assert.True(paragraphs.Count(p => p.Contains('“')) > paragraphs.Length / 3, "dialogue should be frequent");
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
        int open = text.IndexOf("\n\n“", StringComparison.Ordinal) + 2;  // a paragraph that opens with speech
        int close = text.IndexOf('”', open + 1);
        Assert.Equal('“', text[open]);
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

    [Theory]
    [InlineData(" lantern", " staircase")]
    [InlineData(" heavy ", " golden ")]
    [InlineData(" carried ", " paint ")]
    public void Speech_and_narration_talk_about_different_things(string narrationWord, string speechWord)
    {
        var (inside, outside) = SplitByQuoteTrack();
        Assert.True(CountOf(narrationWord, outside) > 100, $"narration should use '{narrationWord}'");
        Assert.Equal(0, CountOf(narrationWord, inside));
        Assert.True(CountOf(speechWord, inside) > 100, $"speech should use '{speechWord}'");
        Assert.Equal(0, CountOf(speechWord, outside));
    }

    [Fact]
    public void Speeches_often_run_to_several_sentences()
    {
        var (inside, _) = SplitByQuoteTrack();
        var speeches = inside.Split('“', StringSplitOptions.RemoveEmptyEntries);
        int longSpeeches = speeches.Count(s => s.Count(c => c is '.' or '?' or '!') >= 4);
        Assert.True(longSpeeches > speeches.Length / 5, $"only {longSpeeches} of {speeches.Length} speeches have four sentences or more");
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
