using System.Text.RegularExpressions;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

public class WikiGeneratorTests
{
    private static GeneratedCorpus Wiki => BundledCorpora.Get("wiki");

    [Theory]
    [InlineData(@"(?m)^== [A-Z][a-z ]+ ==$", "level-2 headings")]
    [InlineData(@"(?m)^=== [A-Z][a-z]+ period ===$", "level-3 headings")]
    [InlineData(@"\[\[[A-Z][^\]|]+\]\]", "plain links")]
    [InlineData(@"\[\[[^\]|]+\|[^\]]+\]\]", "piped links")]
    [InlineData(@"(?m)^\* ", "bullets")]
    [InlineData(@"(?m)^\*\* ", "nested bullets")]
    [InlineData(@"<ref>\{\{cite (web|book|news) ", "cite templates")]
    [InlineData(@"<ref name=""[a-z]+\d+"" />", "named reference reuse")]
    [InlineData(@"'''[^']+'''", "bold titles")]
    [InlineData(@"\[\[Category:", "categories")]
    public void Has_wiki_markup(string pattern, string what) =>
        Assert.True(Regex.Matches(Wiki.Text, pattern).Count >= 20, $"too few {what}");

    [Theory]
    [InlineData(@" https?://\S+ \(in ", "bare in prose")]
    [InlineData(@"\[https?://[^ \]]+ [A-Z]", "in brackets with a label")]
    [InlineData(@"\[https?://[^ \]]+\]", "in brackets alone")]
    [InlineData(@"\|url=https?://", "in a cite template")]
    [InlineData(@"\{\{URL\|https?://", "in the URL template")]
    [InlineData(@"\{\{Official website\|https?://", "in the Official website template")]
    [InlineData(@"[^/]https://", "with https")]
    [InlineData(@"[^/]http://", "with http")]
    [InlineData(@"https?://[^\s\]|}<]+\?[a-z]+=", "with a query string")]
    public void Has_urls_in_every_style(string pattern, string style) =>
        Assert.True(Regex.Matches(Wiki.Text, pattern).Count >= 20, $"too few URLs {style}");

    [Fact]
    public void Tracks_agree_with_the_text_everywhere()
    {
        string text = Wiki.Text;
        Assert.Null(TrackReference.FirstDifference(text, TrackReference.Urls(text), Wiki.Tracks[CorpusTracks.Url]));
        Assert.Null(TrackReference.FirstDifference(text, TrackReference.Quotes(text), Wiki.Tracks[CorpusTracks.Quote]));
        Assert.Null(TrackReference.FirstDifference(text, TrackReference.HtmlComments(text), Wiki.Tracks[CorpusTracks.Comment]));
        Assert.All(Wiki.Tracks[CorpusTracks.Indent], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Url_track_at_hand_checked_positions()
    {
        string text = Wiki.Text;
        var url = Wiki.Tracks[CorpusTracks.Url];
        int start = text.IndexOf("{{URL|", StringComparison.Ordinal) + "{{URL|".Length;
        int end = text.IndexOf("}}", start, StringComparison.Ordinal);            // URL is text[start..end]
        Assert.StartsWith("http", text[start..end]);
        Assert.Equal((0f, 1f), (url[start - 1], url[start]));                    // '|' then 'h'
        Assert.Equal((1f, 0f), (url[end - 1], url[end]));                        // last URL character, then '}'
        Assert.Equal(1f, url[start + "https://".Length]);
    }

    [Fact]
    public void Comment_track_covers_html_comments_up_to_the_closing_bracket()
    {
        string text = Wiki.Text;
        var comment = Wiki.Tracks[CorpusTracks.Comment];
        int start = text.IndexOf("<!--", StringComparison.Ordinal);
        int close = text.IndexOf("-->", start, StringComparison.Ordinal) + 2;    // the '>'
        Assert.Equal('>', text[close]);
        Assert.Equal((1f, 1f, 0f), (comment[start], comment[close - 1], comment[close]));
        Assert.Equal(0f, comment[start == 0 ? close + 1 : start - 1]);
    }
}
