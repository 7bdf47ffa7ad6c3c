using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Tests.Corpora.Generation;

public class GenerationPrimitivesTests
{
    [Fact]
    public void Markup_sets_tracks_at_hand_checked_positions()
    {
        var output = new TrackedText(4);
        Markup.Emit(output, $"say \"hi\" at {Markup.Url("http://a.io/x")} {Markup.Comment("<!-- n --")}>{{}}", braces: true);
        var built = output.Build();
        Assert.Equal("say \"hi\" at http://a.io/x <!-- n -->{}", built.Text);
        float[] quote = built.Tracks[CorpusTracks.Quote], url = built.Tracks[CorpusTracks.Url],
            comment = built.Tracks[CorpusTracks.Comment], indent = built.Tracks[CorpusTracks.Indent];
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 0, 0], quote[..9]);                   // say "hi"_ : opener and letters inside, closer out
        Assert.Equal([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0], url[11..27]); // " http://a.io/x <": 13 URL characters
        Assert.Equal([0, 1], comment[25..27]);                                   // " <": the '<' opens the comment
        Assert.Equal([1, 1, 1, 0], comment[32..36]);                             // " -->": the '>' ends it
        Assert.Equal([1, 0], indent[^2..]);                                      // '{' enters depth 1, '}' leaves it
    }

    [Fact]
    public void Wrapping_turns_spaces_into_newlines_and_keeps_tracks_aligned()
    {
        var output = new TrackedText();
        output.Append("one two three ");
        output[CorpusTracks.Quote] = 1;
        output.Append("four five six seven");
        output.WrapFrom(0, 10);
        var built = output.Build();
        Assert.Equal("one two\nthree four\nfive six\nseven", built.Text);
        Assert.Equal(0f, built.Tracks[CorpusTracks.Quote][7]);   // a newline replacing a space outside the quote
        Assert.Equal(1f, built.Tracks[CorpusTracks.Quote][18]);  // ... and inside it
    }

    [Fact]
    public void Random_is_reproducible_and_in_range()
    {
        var a = new DeterministicRandom(42);
        var b = new DeterministicRandom(42);
        var draws = Enumerable.Range(0, 1000).Select(_ => a.Between(3, 7)).ToList();
        Assert.Equal(draws, Enumerable.Range(0, 1000).Select(_ => b.Between(3, 7)));
        Assert.Equal([3, 4, 5, 6, 7], draws.Distinct().Order());
        Assert.All(Enumerable.Range(0, 1000).Select(_ => a.NextDouble()), d => Assert.InRange(d, 0.0, 0.9999999));
    }

    [Theory]
    [InlineData("box", "boxes")]
    [InlineData("cherry", "cherries")]
    [InlineData("key", "keys")]
    [InlineData("knife", "knives")]
    [InlineData("bench", "benches")]
    [InlineData("lantern", "lanterns")]
    public void Plurals(string noun, string plural) => Assert.Equal(plural, English.Plural(noun));

    [Theory]
    [InlineData(4, "IV")]
    [InlineData(14, "XIV")]
    [InlineData(49, "XLIX")]
    public void Roman_numerals(int n, string roman) => Assert.Equal(roman, English.Roman(n));
}
