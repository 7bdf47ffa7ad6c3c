using System.Text;

namespace CharRnnLab.Cli;

/// <summary>
/// A repeatable English-like text (words, punctuation, line breaks, ~50 distinct symbols) for
/// benchmarks that should not depend on a file being present.
/// </summary>
public static class SyntheticText
{
    private static readonly string[] Words =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
        "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
        "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would",
        "who", "so", "no", "King", "Romeo", "Juliet", "love", "night", "sword", "crown", "Verona", "quickly", "jumps",
    ];

    public static string Generate(int length, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 32);
        int lineLength = 0;
        while (text.Length < length)
        {
            string word = Words[random.Next(Words.Length)];
            text.Append(lineLength == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            lineLength += word.Length;
            int r = random.Next(20);
            string separator = r == 0 ? ".\n" : r == 1 ? ", " : r == 2 ? "; " : r == 3 && lineLength > 40 ? "\n" : " ";
            text.Append(separator);
            lineLength = separator.EndsWith('\n') ? 0 : lineLength + separator.Length;
        }
        return text.ToString(0, length);
    }
}
