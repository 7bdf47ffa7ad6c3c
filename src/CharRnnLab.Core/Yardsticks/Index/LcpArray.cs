namespace CharRnnLab.Core.Yardsticks.Index;

/// <summary>Longest common prefixes of neighbouring suffixes, by Kasai et al. (2001), O(n).</summary>
public static class LcpArray
{
    /// <summary>lcp[i] = length of the common prefix of suffixes SA[i − 1] and SA[i]; lcp[0] = 0.</summary>
    public static int[] Build(ReadOnlySpan<int> text, ReadOnlySpan<int> suffixArray)
    {
        int n = text.Length;
        var rank = new int[n];
        for (int i = 0; i < n; i++) rank[suffixArray[i]] = i;
        var lcp = new int[n];
        int h = 0;
        for (int i = 0; i < n; i++)
        {
            if (rank[i] == 0) { h = 0; continue; }
            int j = suffixArray[rank[i] - 1];
            while (i + h < n && j + h < n && text[i + h] == text[j + h]) h++;
            lcp[rank[i]] = h;
            if (h > 0) h--; // suffix i + 1 shares at least h − 1 with its predecessor
        }
        return lcp;
    }
}
