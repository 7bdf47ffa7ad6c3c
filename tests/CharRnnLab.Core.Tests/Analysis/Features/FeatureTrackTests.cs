using CharRnnLab.Core.Analysis.Features;

namespace CharRnnLab.Core.Tests.Analysis.Features;

public class FeatureTrackTests
{
    // Renders a track as one digit per character, so expectations read like the text.
    private static string Mask(IFeatureTrack track, string text) =>
        string.Concat(track.Compute(text).Select(v => ((int)v).ToString()));

    [Theory]
    [InlineData("say \"hi 'x' there\" ok", "000011111111111110000")]
    [InlineData("s = \"a \\\"b\\\" c\";", "0000111111111100")]
    [InlineData("c == '\"' && x", "0000000000000")]
    [InlineData("\"open\n\nnext \"q\"", "111111000000110")]
    [InlineData("“outer ‘x’ “inner” still” out", "11111111111111111111111100000")]
    public void Quote_track_marks_quotations(string text, string expected) =>
        Assert.Equal(expected, Mask(new QuoteTrack(), text));

    [Theory]
    [InlineData("see http://example.com/a.", "0000111111111111111111110")]
    [InlineData("(https://en.wikipedia.org/wiki/Foo_(bar))", "01111111111111111111111111111111111111110")]
    [InlineData("www.foo.org, then", "11111111111000000")]
    [InlineData("awww.x and http:// alone", "000000000000000000000000")]
    [InlineData("\"HTTPS://x.io/q?a=1\" ok", "01111111111111111110000")]
    public void Url_track_marks_urls_without_trailing_punctuation(string text, string expected) =>
        Assert.Equal(expected, Mask(new UrlTrack(), text));

    [Fact]
    public void Line_position_counts_characters_since_the_newline() =>
        Assert.Equal(new float[] { 1, 2, 0, 1, 2, 3, 0 }, new LinePositionTrack().Compute("ab\ncde\n"));

    [Theory]
    [InlineData("a\n  b\n    c\n  d", "000110011220011")]
    [InlineData("a\n    b\n        c", "00000110000111122")]
    [InlineData("\tx\n\t\ty\nz", "11012200")]
    [InlineData("\t  x\n  y", "11220011")]
    public void Indent_track_counts_tabs_and_detected_space_units(string text, string expected) =>
        Assert.Equal(expected, Mask(new IndentTrack(), text));

    [Theory]
    [InlineData("a\n  b\n    c\n      d\n", 2)]
    [InlineData("a\n    b\n        c\n    d\n", 4)]
    [InlineData("def f(x,\n      y):\n    if x:\n        return y\n    return x\n", 4)]
    [InlineData("no indentation at all", IndentTrack.DefaultUnit)]
    public void Indent_unit_is_the_most_common_indentation_change(string text, int unit) =>
        Assert.Equal(unit, IndentTrack.DetectUnit(text));

    [Fact]
    public void Bracket_depth_nests_all_bracket_kinds_and_never_goes_negative() =>
        Assert.Equal("011223321000", Mask(new BracketDepthTrack(), "f(a[b{c}])x)"));

    [Theory]
    [InlineData("x = 1; // note\ny", "0000000111111100")]
    [InlineData("a /* b */ c /**/ d", "001111111000111100")]
    [InlineData("# title\nx # c\ny#z", "11111110001110000")]
    [InlineData("s = \"// no\"; http://x.org", "0000000000000000000000000")]
    [InlineData("/*/ still */x", "1111111111110")]
    public void Comment_track_marks_line_block_and_hash_comments(string text, string expected) =>
        Assert.Equal(expected, Mask(new CommentTrack(), text));

    [Fact]
    public void Tracks_have_one_value_per_symbol_even_for_symbols_outside_the_bmp()
    {
        string text = "\"😀 x\" 😀";
        foreach (var track in FeatureTracks.All) Assert.Equal(7, track.Compute(text).Length);
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0, 0 }, new QuoteTrack().Compute(text));
    }

    [Fact]
    public void Registry_finds_tracks_by_name_and_lists_them_when_the_name_is_unknown()
    {
        Assert.IsType<UrlTrack>(FeatureTracks.Find("URL"));
        Assert.Equal(["quote", "url", "linepos", "indent", "brackets", "comment"], FeatureTracks.Names);
        var error = Assert.Throws<CharRnnException>(() => FeatureTracks.Find("nope"));
        Assert.Contains("quote, url, linepos, indent, brackets, comment", error.Message);
    }
}
