using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

public sealed class SymbolGlyphsTests
{
    [Theory]
    [InlineData(" ", "·")]
    [InlineData("\t", "→")]
    [InlineData("\n", "↵")]
    [InlineData("\r", "␍")]
    [InlineData("a", "a")]
    [InlineData("·", "·")]
    public void Whitespace_shows_by_its_stand_in_and_everything_else_as_itself(string symbol, string shown)
    {
        Assert.Equal(shown, SymbolGlyphs.Show(symbol));
        Assert.Equal(symbol != shown, SymbolGlyphs.IsMarked(symbol));
    }
}
