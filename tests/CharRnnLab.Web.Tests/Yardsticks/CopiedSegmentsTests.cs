using CharRnnLab.Core.Yardsticks.Novelty;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Tests.Yardsticks;

/// <summary>Cutting a sample at its copied spans, against marking each symbol one by one.</summary>
public sealed class CopiedSegmentsTests
{
    /// <summary>The naive way: symbol i is copied when some span holds it.</summary>
    private static bool[] Naive(int symbols, IReadOnlyList<CopiedSpan> spans) =>
        Enumerable.Range(0, symbols).Select(i => spans.Any(s => s.Start <= i && i < s.End)).ToArray();

    private static bool[] Flags(IReadOnlyList<TextSegment> segments) =>
        segments.SelectMany(s => Enumerable.Repeat(s.Copied, s.Text.EnumerateRunes().Count())).ToArray();

    [Fact]
    public void Random_spans_cut_the_text_where_the_naive_marks_change()
    {
        var random = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            string text = new(Enumerable.Range(0, random.Next(0, 40)).Select(_ => "ab\n c"[random.Next(5)]).ToArray());
            var spans = new List<CopiedSpan>();
            for (int at = random.Next(0, 5); at < text.Length; at += random.Next(1, 6))
            {
                int length = random.Next(1, Math.Min(8, text.Length - at) + 1);
                spans.Add(new CopiedSpan(at, length));
                at += length;
            }

            var segments = CopiedSegments.Of(text, spans);

            Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
            Assert.Equal(Naive(text.Length, spans), Flags(segments));
            Assert.DoesNotContain(segments, s => s.Text.Length == 0);
        }
    }

    [Fact]
    public void Spans_that_only_meet_stay_two_marks_and_positions_count_runes()
    {
        const string text = "😀ab cd";   // the emoji is one symbol, two UTF-16 chars
        var segments = CopiedSegments.Of(text, [new CopiedSpan(1, 2), new CopiedSpan(3, 2)]);

        Assert.Equal([("😀", false), ("ab", true), (" c", true), ("d", false)], segments.Select(s => (s.Text, s.Copied)));
    }
}
