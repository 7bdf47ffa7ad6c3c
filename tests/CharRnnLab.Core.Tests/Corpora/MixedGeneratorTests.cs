using System.Text.RegularExpressions;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

public class MixedGeneratorTests
{
    private static GeneratedCorpus Mixed => BundledCorpora.Get("mixed");

    [Fact]
    public void Interleaves_chapters_articles_and_source_files_in_similar_shares()
    {
        string text = Mixed.Text;
        int chapters = Regex.Matches(text, @"(?m)^(CHAPTER [IVXLC]+|Chapter \d+: .+|[IVXLC]+\.)$").Count;
        int articles = Regex.Matches(text, @"(?m)^\{\{Short description\|").Count;
        int files = Regex.Matches(text, @"(?m)^/\*\n \* [a-z_]+\.c - ").Count;
        Assert.All(new[] { chapters, articles, files }, n => Assert.True(n >= 20, $"chapters {chapters}, articles {articles}, files {files}"));
        double codeShare = Mixed.Tracks[CorpusTracks.Indent].Count(v => v > 0) / (double)text.Length;
        Assert.InRange(codeShare, 0.15, 0.55);
    }

    [Fact]
    public void Every_track_is_present_and_as_long_as_the_text()
    {
        Assert.Equal(CorpusTracks.All.Order(), Mixed.Tracks.Keys.Order());
        Assert.All(Mixed.Tracks.Values, t => Assert.Equal(Mixed.Text.Length, t.Length));
        Assert.All(Mixed.Tracks.Values, t => Assert.True(t.Count(v => v != 0) > 10_000));
    }

    [Fact]
    public void Quote_and_url_tracks_agree_with_the_text_everywhere()
    {
        string text = Mixed.Text;
        Assert.Null(TrackReference.FirstDifference(text, TrackReference.Quotes(text), Mixed.Tracks[CorpusTracks.Quote]));
        Assert.Null(TrackReference.FirstDifference(text, TrackReference.Urls(text), Mixed.Tracks[CorpusTracks.Url]));
    }

    [Theory]
    [InlineData("dialogue")]
    [InlineData("wiki")]
    [InlineData("code")]
    [InlineData("mixed")]
    public void Texts_are_printable_ascii_and_typographic_quotes_so_characters_are_symbols(string id)
    {
        var corpus = BundledCorpora.Get(id);
        Assert.All(corpus.Text, c => Assert.True(c is '\n' or '\t' or '“' or '”' or (>= ' ' and <= '~'), $"U+{(int)c:X4}"));
        Assert.All(corpus.Tracks.Values, t => Assert.Equal(corpus.Text.Length, t.Length));
        Assert.EndsWith("\n", corpus.Text);
        Assert.DoesNotContain("\n\n\n", corpus.Text);
    }
}
