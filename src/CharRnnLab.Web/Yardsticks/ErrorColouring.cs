using System.Text;
using CharRnnLab.Core.Yardsticks.Errors;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>A stretch of text whose symbols share one category.</summary>
public sealed record CategorySegment(string Text, ErrorCategory Category);

/// <summary>
/// How the error view colours text: one colour per error category (right and unpredicted characters
/// stay plain), and the text cut into runs of one category. Categories are per Unicode scalar value.
/// </summary>
public static class ErrorColouring
{
    /// <summary>Characters coloured at most: a coloured span per run of one category, so a bounded window.</summary>
    public const int Window = 5_000;

    /// <summary>Label and background colour of each error category, in <see cref="ErrorBreakdown.ErrorKinds"/> order.</summary>
    public static readonly IReadOnlyDictionary<ErrorCategory, (string Label, string Colour)> Styles = new Dictionary<ErrorCategory, (string, string)>
    {
        [ErrorCategory.NgramFixable] = ("n-gram fixable", "#9ecae1"),
        [ErrorCategory.RareWord] = ("rare word", "#c9a3e6"),
        [ErrorCategory.AfterSpace] = ("after space/newline", "#fdd08a"),
        [ErrorCategory.Punctuation] = ("punctuation", "#a1d99b"),
        [ErrorCategory.Other] = ("other", "#f4a09a"),
    };

    public static string Label(ErrorCategory category) => Styles.TryGetValue(category, out var s) ? s.Label : category.ToString();

    /// <summary>The background of a category; null for right and unpredicted characters.</summary>
    public static string? Colour(ErrorCategory category) => Styles.TryGetValue(category, out var s) ? s.Colour : null;

    /// <summary>The first <paramref name="window"/> symbols of <paramref name="text"/> in runs of one category (right and unpredicted count as one: plain).</summary>
    public static IReadOnlyList<CategorySegment> Segments(string text, IReadOnlyList<ErrorCategory> perSymbol, int window = Window)
    {
        var segments = new List<CategorySegment>();
        var current = new StringBuilder();
        ErrorCategory currentCategory = ErrorCategory.Correct;
        int i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (i >= window || i >= perSymbol.Count) break;
            var category = Plain(perSymbol[i]);
            if (category != currentCategory && current.Length > 0)
            {
                segments.Add(new CategorySegment(current.ToString(), currentCategory));
                current.Clear();
            }
            currentCategory = category;
            current.Append(rune.ToString());
            i++;
        }
        if (current.Length > 0) segments.Add(new CategorySegment(current.ToString(), currentCategory));
        return segments;
    }

    private static ErrorCategory Plain(ErrorCategory category) => category == ErrorCategory.NotPredicted ? ErrorCategory.Correct : category;
}
