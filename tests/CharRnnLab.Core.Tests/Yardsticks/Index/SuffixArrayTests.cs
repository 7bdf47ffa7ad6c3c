using CharRnnLab.Core.Yardsticks.Index;

namespace CharRnnLab.Core.Tests.Yardsticks.Index;

public class SuffixArrayTests
{
    public static TheoryData<int, int, int> Texts() => new()
    {
        // length, alphabet, seed
        { 0, 1, 1 }, { 1, 1, 2 }, { 2, 2, 3 }, { 9, 2, 4 }, { 10, 2, 5 }, { 50, 1, 6 }, { 300, 2, 7 }, { 1000, 3, 8 },
        { 2000, 5, 9 }, { 3000, 70, 10 },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Sa_is_equals_sorting_the_suffixes(int length, int alphabet, int seed)
    {
        int[] text = RandomText(length, alphabet, seed);

        Assert.Equal(SuffixArray.Naive(text), SuffixArray.Build(text, alphabet));
    }

    [Fact]
    public void Sa_is_equals_sorting_on_repetitive_texts()
    {
        foreach (int[] text in new[] { Repeat([0, 1], 500), Repeat([2, 2, 1, 2, 2, 0], 300), Repeat([1], 700), Fibonacci(2000) })
            Assert.Equal(SuffixArray.Naive(text), SuffixArray.Build(text, 3));
    }

    [Fact]
    public void A_symbol_outside_the_alphabet_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SuffixArray.Build([0, 3, 1], 3));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Kasai_lcp_equals_comparing_neighbours(int length, int alphabet, int seed)
    {
        int[] text = RandomText(length, alphabet, seed);
        int[] sa = SuffixArray.Build(text, alphabet);

        int[] lcp = LcpArray.Build(text, sa);

        for (int i = 0; i < length; i++)
            Assert.Equal(i == 0 ? 0 : CommonPrefix(text, sa[i - 1], sa[i]), lcp[i]);
    }

    [Fact]
    public void Extending_a_range_finds_every_occurrence_of_a_pattern()
    {
        int[] text = RandomText(2000, 3, 11);
        var index = new SuffixIndex(text, 3);
        int[] pattern = text[500..506];

        var range = index.Find(pattern);

        var starts = Enumerable.Range(range.Start, range.Count).Select(row => index.Suffixes[row]).Order();
        var expected = Enumerable.Range(0, text.Length - pattern.Length + 1).Where(p => text.AsSpan(p, pattern.Length).SequenceEqual(pattern));
        Assert.Equal(expected, starts);
    }

    private static int CommonPrefix(int[] s, int a, int b)
    {
        int h = 0;
        while (a + h < s.Length && b + h < s.Length && s[a + h] == s[b + h]) h++;
        return h;
    }

    internal static int[] RandomText(int length, int alphabet, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.Next(alphabet)).ToArray();
    }

    private static int[] Repeat(int[] unit, int times) => Enumerable.Repeat(unit, times).SelectMany(u => u).ToArray();

    // The Fibonacci word (0 → 01, 1 → 0) is the classic hard case: it is full of long repeats.
    private static int[] Fibonacci(int length)
    {
        var word = new List<int> { 0 };
        while (word.Count < length) word = word.SelectMany(c => c == 0 ? new[] { 0, 1 } : [0]).ToList();
        return word.Take(length).ToArray();
    }
}
