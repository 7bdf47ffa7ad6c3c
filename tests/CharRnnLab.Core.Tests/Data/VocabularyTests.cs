using System.Text;
using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Tests.Data;

public class VocabularyTests
{
    [Fact]
    public void Symbols_are_sorted_distinct_scalar_values_including_non_bmp()
    {
        const string text = "héllo 🙂 wörld 🙂 𝄞";
        var vocabulary = Vocabulary.FromText(text);

        Assert.Equal(text.EnumerateRunes().Distinct().Count(), vocabulary.Count);
        Assert.Equal(vocabulary.Symbols.OrderBy(r => r.Value), vocabulary.Symbols);
        Assert.True(vocabulary.TryGetIndex(new Rune(0x1F642), out int emoji));
        Assert.Equal("🙂", vocabulary[emoji].ToString());
        Assert.Equal(2, vocabulary[emoji].Utf16SequenceLength);
    }

    [Fact]
    public void Encode_decode_and_string_round_trip_preserve_the_text()
    {
        const string text = "a🙂b\n𝄞c";
        var vocabulary = Vocabulary.FromText(text);

        int[] encoded = vocabulary.Encode(text);
        Assert.Equal(6, encoded.Length); // six scalar values, although the string has 8 UTF-16 chars
        Assert.Equal(text, vocabulary.Decode(encoded));

        var restored = Vocabulary.FromStrings(vocabulary.ToStrings());
        Assert.Equal(vocabulary, restored);
        Assert.Equal(text, restored.Decode(restored.Encode(text)));
    }

    [Fact]
    public void Unknown_symbols_are_named_in_the_error()
    {
        var vocabulary = Vocabulary.FromText("abc");
        var error = Assert.Throws<CharRnnException>(() => vocabulary.Encode("abz", "prime"));
        Assert.Contains("'z' (U+007A)", error.Message);
        Assert.Contains("prime", error.Message);
    }
}
