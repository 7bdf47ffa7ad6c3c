using CharRnnLab.Core.Yardsticks.Errors;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Tests.Yardsticks;

/// <summary>Cutting analysed text into runs of one category, against reading it symbol by symbol.</summary>
public sealed class ErrorColouringTests
{
    [Fact]
    public void Random_categories_cut_the_text_where_the_category_changes_within_the_window()
    {
        var random = new Random(3);
        var kinds = Enum.GetValues<ErrorCategory>();
        for (int round = 0; round < 200; round++)
        {
            string text = new(Enumerable.Range(0, random.Next(0, 60)).Select(_ => "ab \n."[random.Next(5)]).ToArray());
            var categories = text.Select(_ => kinds[random.Next(kinds.Length)]).ToArray();
            int window = random.Next(0, 70);

            var segments = ErrorColouring.Segments(text, categories, window);

            int shown = Math.Min(window, text.Length);
            Assert.Equal(text[..shown], string.Concat(segments.Select(s => s.Text)));
            var naive = categories.Take(shown).Select(c => c == ErrorCategory.NotPredicted ? ErrorCategory.Correct : c);
            Assert.Equal(naive, segments.SelectMany(s => Enumerable.Repeat(s.Category, s.Text.Length)));
            Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.NotEqual(pair.First.Category, pair.Second.Category));
        }
    }

    [Fact]
    public void Every_error_category_has_a_colour_and_right_characters_none()
    {
        Assert.All(ErrorBreakdown.ErrorKinds, k => Assert.NotNull(ErrorColouring.Colour(k)));
        Assert.Null(ErrorColouring.Colour(ErrorCategory.Correct));
        Assert.Null(ErrorColouring.Colour(ErrorCategory.NotPredicted));
        Assert.Equal(ErrorBreakdown.ErrorKinds.Count, ErrorBreakdown.ErrorKinds.Select(ErrorColouring.Colour).Distinct().Count());
    }
}
