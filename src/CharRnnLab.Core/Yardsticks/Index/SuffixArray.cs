namespace CharRnnLab.Core.Yardsticks.Index;

/// <summary>
/// Suffix arrays of integer texts by SA-IS (Nong, Zhang and Chan, 2009), O(n) time: the order
/// follows AtCoder Library's sa_is. Symbols are 0..<c>alphabet − 1</c>; a suffix that is a prefix
/// of another sorts first (as if the text ended with a symbol smaller than all others).
/// </summary>
public static class SuffixArray
{
    /// <summary>Below this length a comparison sort is faster than the induced sort.</summary>
    private const int NaiveBelow = 10;

    /// <summary>SA[i] = start of the i-th smallest suffix of <paramref name="text"/>.</summary>
    public static int[] Build(ReadOnlySpan<int> text, int alphabet)
    {
        foreach (int symbol in text)
            if (symbol < 0 || symbol >= alphabet)
                throw new ArgumentOutOfRangeException(nameof(text), $"symbol {symbol} is outside 0..{alphabet - 1}");
        return SaIs(text.ToArray(), Math.Max(alphabet - 1, 0));
    }

    /// <summary>Sorting by direct comparison, O(n² log n) worst case: the reference the tests compare with.</summary>
    public static int[] Naive(ReadOnlySpan<int> text)
    {
        int[] s = text.ToArray();
        var sa = Enumerable.Range(0, s.Length).ToArray();
        Array.Sort(sa, (a, b) => Compare(s, a, b));
        return sa;
    }

    private static int Compare(int[] s, int a, int b)
    {
        if (a == b) return 0;
        int n = s.Length;
        for (; a < n && b < n; a++, b++)
            if (s[a] != s[b]) return s[a].CompareTo(s[b]);
        return a == n ? -1 : 1; // the one that ran out is the prefix
    }

    // s holds symbols 0..upper.
    private static int[] SaIs(int[] s, int upper)
    {
        int n = s.Length;
        if (n == 0) return [];
        if (n < NaiveBelow) return Naive(s);

        var sa = new int[n];
        var isS = SuffixTypes(s);
        var (bucketL, bucketS) = BucketStarts(s, isS, upper);

        var lmsIndex = new int[n + 1];
        Array.Fill(lmsIndex, -1);
        var lms = new List<int>();
        for (int i = 1; i < n; i++)
            if (!isS[i - 1] && isS[i]) { lmsIndex[i] = lms.Count; lms.Add(i); }
        int m = lms.Count;

        Induce(s, isS, sa, lms, bucketL, bucketS, upper);
        if (m == 0) return sa;

        // Name the LMS substrings in sorted order, sort the reduced text, induce again from it.
        var sortedLms = new List<int>(m);
        foreach (int v in sa) if (lmsIndex[v] != -1) sortedLms.Add(v);
        var reduced = new int[m];
        int names = 0;
        reduced[lmsIndex[sortedLms[0]]] = 0;
        for (int i = 1; i < m; i++)
        {
            if (!SameLmsSubstring(s, lms, lmsIndex, sortedLms[i - 1], sortedLms[i])) names++;
            reduced[lmsIndex[sortedLms[i]]] = names;
        }
        int[] reducedSa = SaIs(reduced, names);
        for (int i = 0; i < m; i++) sortedLms[i] = lms[reducedSa[i]];
        Induce(s, isS, sa, sortedLms, bucketL, bucketS, upper);
        return sa;
    }

    /// <summary>isS[i]: suffix i is smaller than suffix i + 1 (S-type); the last suffix is L-type.</summary>
    private static bool[] SuffixTypes(int[] s)
    {
        var isS = new bool[s.Length];
        for (int i = s.Length - 2; i >= 0; i--)
            isS[i] = s[i] == s[i + 1] ? isS[i + 1] : s[i] < s[i + 1];
        return isS;
    }

    /// <summary>bucketL[c]: first slot of symbol c's bucket; bucketS[c]: first slot of its S-type part.</summary>
    private static (int[] L, int[] S) BucketStarts(int[] s, bool[] isS, int upper)
    {
        var sumL = new int[upper + 2];
        var sumS = new int[upper + 2];
        for (int i = 0; i < s.Length; i++)
        {
            if (!isS[i]) sumS[s[i]]++;
            else sumL[s[i] + 1]++;
        }
        for (int c = 0; c <= upper; c++)
        {
            sumS[c] += sumL[c];
            sumL[c + 1] += sumS[c];
        }
        return (sumL, sumS);
    }

    private static void Induce(int[] s, bool[] isS, int[] sa, List<int> lms, int[] bucketL, int[] bucketS, int upper)
    {
        int n = s.Length;
        Array.Fill(sa, -1);
        var next = new int[upper + 1];
        Array.Copy(bucketS, next, upper + 1);
        foreach (int d in lms) if (d != n) sa[next[s[d]]++] = d;

        Array.Copy(bucketL, next, upper + 1);
        sa[next[s[n - 1]]++] = n - 1;
        for (int i = 0; i < n; i++)
        {
            int v = sa[i];
            if (v >= 1 && !isS[v - 1]) sa[next[s[v - 1]]++] = v - 1;
        }

        // S-type suffixes fill each bucket from its end (the next bucket's start) downwards.
        Array.Copy(bucketL, 1, next, 0, upper + 1);
        for (int i = n - 1; i >= 0; i--)
        {
            int v = sa[i];
            if (v >= 1 && isS[v - 1]) sa[--next[s[v - 1]]] = v - 1;
        }
    }

    private static bool SameLmsSubstring(int[] s, List<int> lms, int[] lmsIndex, int a, int b)
    {
        int n = s.Length, m = lms.Count;
        int endA = lmsIndex[a] + 1 < m ? lms[lmsIndex[a] + 1] : n;
        int endB = lmsIndex[b] + 1 < m ? lms[lmsIndex[b] + 1] : n;
        if (endA - a != endB - b) return false;
        for (; a < endA; a++, b++)
            if (s[a] != s[b]) return false;
        return a != n && b != n && s[a] == s[b];
    }
}
