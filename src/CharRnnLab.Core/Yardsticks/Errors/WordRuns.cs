using System.Text;

namespace CharRnnLab.Core.Yardsticks.Errors;

/// <summary>Words as the error analysis sees them: maximal runs of letters and digits (Unicode's).</summary>
internal static class WordRuns
{
    /// <summary>[Start, End) of each word of <paramref name="runes"/>.</summary>
    public static IEnumerable<(int Start, int End)> Of(IReadOnlyList<Rune> runes)
    {
        for (int i = 0; i < runes.Count;)
        {
            if (!Rune.IsLetterOrDigit(runes[i])) { i++; continue; }
            int start = i;
            while (i < runes.Count && Rune.IsLetterOrDigit(runes[i])) i++;
            yield return (start, i);
        }
    }

    /// <summary>How often each word occurs in <paramref name="runes"/>.</summary>
    public static Dictionary<string, int> Count(IReadOnlyList<Rune> runes)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (start, end) in Of(runes))
        {
            string word = Text(runes, start, end);
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        return counts;
    }

    public static string Text(IReadOnlyList<Rune> runes, int start, int end)
    {
        var word = new StringBuilder();
        for (int i = start; i < end; i++) word.Append(runes[i].ToString());
        return word.ToString();
    }
}
