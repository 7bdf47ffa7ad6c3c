using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Core.Yardsticks.Novelty;

/// <summary>
/// Whether a line is a line of the training split: "\n line \n" occurs in it, or the line is its
/// first or last line. Found with the reversed index, so nothing is split or hashed per query.
/// </summary>
internal sealed class LineIndex(NgramIndex index, Vocabulary vocabulary)
{
    private readonly int _newline = vocabulary.TryGetIndex(new System.Text.Rune('\n'), out int n) ? n : -1;

    /// <summary>(complete non-empty lines of the sample, how many of them are not training lines).</summary>
    public (int Lines, int Novel) Count(string sample)
    {
        var lines = sample.Split('\n');
        int complete = lines.Length - 1; // the part after the last newline is cut off (or empty)
        if (complete == 0 && lines[0].Length > 0) complete = 1; // a sample that is one unterminated line
        int total = 0, novel = 0;
        foreach (string line in lines.Take(complete).Where(l => l.Length > 0))
        {
            total++;
            if (!IsTrainingLine(line)) novel++;
        }
        return (total, novel);
    }

    private bool IsTrainingLine(string line)
    {
        var symbols = new List<int>();
        foreach (var rune in line.EnumerateRunes())
        {
            if (!vocabulary.TryGetIndex(rune, out int i)) return false;
            symbols.Add(i);
        }
        int[] s = [.. symbols];
        return Inside(s) || AtStart(s) || AtEnd(s);
    }

    // "\n s \n" reversed is "\n s-reversed \n".
    private bool Inside(int[] s)
    {
        if (_newline < 0) return false;
        int[] pattern = [_newline, .. s.Reverse(), _newline];
        return !index.Reversed.Find(pattern).IsEmpty;
    }

    // t begins with "s \n" (or is s): r, reversed t, ends with it reversed.
    private bool AtStart(int[] s)
    {
        int[] r = index.Reversed.Text;
        int n = r.Length, k = s.Length;
        if (k > n || (k < n && r[n - k - 1] != _newline)) return false;
        for (int j = 0; j < k; j++) if (r[n - 1 - j] != s[j]) return false;
        return true;
    }

    // t ends with "\n s" (or is s): r begins with s reversed, then a newline.
    private bool AtEnd(int[] s)
    {
        int[] r = index.Reversed.Text;
        int n = r.Length, k = s.Length;
        if (k > n || (k < n && r[k] != _newline)) return false;
        for (int j = 0; j < k; j++) if (r[j] != s[k - 1 - j]) return false;
        return true;
    }
}
