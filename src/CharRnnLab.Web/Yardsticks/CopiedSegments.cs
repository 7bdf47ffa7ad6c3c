using System.Text;
using CharRnnLab.Core.Yardsticks.Novelty;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>A stretch of a sample, copied from the training text or not.</summary>
public sealed record TextSegment(string Text, bool Copied);

/// <summary>
/// A sample cut at the edges of its copied spans, for highlighting. The spans count Unicode scalar
/// values (as the corpus does), so the text is cut by runes, not UTF-16 chars.
/// </summary>
public static class CopiedSegments
{
    /// <param name="text">The sample.</param>
    /// <param name="copied">Disjoint spans in order (<see cref="NoveltyReport.Copied"/>).</param>
    public static IReadOnlyList<TextSegment> Of(string text, IReadOnlyList<CopiedSpan> copied)
    {
        var segments = new List<TextSegment>();
        var current = new StringBuilder();
        int currentKey = -1; // the span the current segment is in; -1 outside every span
        int position = 0, span = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            while (span < copied.Count && position >= copied[span].End) span++;
            int key = span < copied.Count && position >= copied[span].Start ? span : -1;
            if (key != currentKey && current.Length > 0) // spans that only meet stay two segments
            {
                segments.Add(new TextSegment(current.ToString(), currentKey >= 0));
                current.Clear();
            }
            currentKey = key;
            current.Append(rune.ToString());
            position++;
        }
        if (current.Length > 0) segments.Add(new TextSegment(current.ToString(), currentKey >= 0));
        return segments;
    }
}
