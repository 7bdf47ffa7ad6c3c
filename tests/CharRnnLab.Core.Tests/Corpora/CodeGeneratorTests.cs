using System.Text.RegularExpressions;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Corpora;

public class CodeGeneratorTests
{
    private static GeneratedCorpus Code => BundledCorpora.Get("code");

    [Fact]
    public void Nests_at_least_five_deep_with_tabs_and_with_spaces()
    {
        var lines = Code.Text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("\t\t\t\t\t", StringComparison.Ordinal) && l.Trim().Length > 0);
        Assert.Contains(lines, l => l.StartsWith(new string(' ', 20), StringComparison.Ordinal) && l.Trim().Length > 0);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^(  ){5}[a-z]"));
        Assert.True(Code.Tracks[CorpusTracks.Indent].Max() >= 5);
        Assert.True(Code.Tracks[CorpusTracks.Indent].Max() <= BundledCorpora.Config("code").MaxDepth);
    }

    [Theory]
    [InlineData(@"(?m)^\s*// ", "line comments on their own line")]
    [InlineData(@"; // ", "trailing line comments")]
    [InlineData(@"(?m)^\s*/\* .* \*/$", "one-line block comments")]
    [InlineData(@"(?m)^\s*/\*\*$", "multi-line doc comments")]
    [InlineData(@"""[^""\n]*\\n""", "string literals with escapes")]
    [InlineData(@"(?m)^\s*if \(.*\) \{$", "K&R if bodies")]
    [InlineData(@"(?m)^\s*\} else \{$", "K&R else")]
    [InlineData(@"(?m)^\s*if \(.*\)$\n\s*\{$", "Allman if bodies")]
    [InlineData(@"(?m)^\s*for \(int [ijkn] = 0;", "for loops")]
    [InlineData(@"(?m)^\s*\} while \(.*\);$", "do/while")]
    [InlineData(@"(?m)^#include <[a-z]+\.h>$", "includes")]
    [InlineData(@"(?m)^struct [a-z_]+$|^struct [a-z_]+ \{$", "structs")]
    public void Has_code_structure(string pattern, string what) =>
        Assert.True(Regex.Matches(Code.Text, pattern).Count >= 10, $"too few {what}");

    [Fact]
    public void Tracks_agree_with_a_c_lexer_everywhere()
    {
        string text = Code.Text;
        var (indent, comment, quote) = TrackReference.Code(text);
        Assert.Null(TrackReference.FirstDifference(text, indent, Code.Tracks[CorpusTracks.Indent]));
        Assert.Null(TrackReference.FirstDifference(text, comment, Code.Tracks[CorpusTracks.Comment]));
        Assert.Null(TrackReference.FirstDifference(text, quote, Code.Tracks[CorpusTracks.Quote]));
        Assert.Null(TrackReference.FirstDifference(text, TrackReference.Urls(text), Code.Tracks[CorpusTracks.Url]));
    }

    [Fact]
    public void Indentation_of_every_line_equals_its_brace_depth()
    {
        string text = Code.Text;
        var indent = Code.Tracks[CorpusTracks.Indent];
        foreach (var (file, offset) in Files(text))
        {
            string unit = IndentUnit(file);
            int lineStart = 0;
            foreach (string line in file.Split('\n'))
            {
                int depthAtStart = lineStart + offset == 0 ? 0 : (int)indent[lineStart + offset - 1];
                string trimmed = line.TrimStart();
                bool insideComment = trimmed.StartsWith('*') && !trimmed.StartsWith("*/", StringComparison.Ordinal) || trimmed.StartsWith("*/", StringComparison.Ordinal);
                if (trimmed.Length > 0 && !insideComment)
                {
                    int expected = trimmed.StartsWith('}') ? depthAtStart - 1 : depthAtStart;
                    Assert.True(line.StartsWith(string.Concat(Enumerable.Repeat(unit, expected)) + trimmed[0], StringComparison.Ordinal),
                        $"line at {lineStart + offset} should be indented {expected} x '{unit}': «{line}»");
                }
                lineStart += line.Length + 1;
            }
        }
    }

    [Fact]
    public void Comment_and_indent_tracks_at_hand_checked_positions()
    {
        string text = Code.Text;
        var (comment, indent) = (Code.Tracks[CorpusTracks.Comment], Code.Tracks[CorpusTracks.Indent]);
        Assert.StartsWith("/*\n * ", text);                                        // every file opens with a header comment
        int close = text.IndexOf("*/", StringComparison.Ordinal) + 1;              // its final '/'
        Assert.Equal((1f, 1f, 1f, 0f), (comment[0], comment[2], comment[close - 1], comment[close]));

        int brace = text.IndexOf("\n{\n", StringComparison.Ordinal) + 1;           // a function body's opening brace
        Assert.Equal((0f, 1f, 1f), (indent[brace - 1], indent[brace], indent[brace + 1]));
        int body = text.IndexOf("\n}\n", brace, StringComparison.Ordinal) + 1;     // its closing brace
        Assert.Equal((1f, 0f), (indent[body - 1], indent[body]));
    }

    /// <summary>A tab, or the fewest leading spaces of any code line (comment continuations " * " aside).</summary>
    private static string IndentUnit(string file)
    {
        var lines = file.Split('\n');
        if (lines.Any(l => l.StartsWith('\t'))) return "\t";
        int fewest = lines.Where(l => l.StartsWith(' ') && !l.TrimStart().StartsWith('*'))
            .Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(4).Min();
        return new string(' ', fewest);
    }

    /// <summary>The corpus split at each file's header comment, with each file's offset.</summary>
    private static IEnumerable<(string File, int Offset)> Files(string text)
    {
        var starts = Regex.Matches(text, @"(?m)^/\*\n \* [a-z_]+\.c - ").Select(m => m.Index).Append(text.Length).ToList();
        for (int i = 0; i + 1 < starts.Count; i++) yield return (text[starts[i]..starts[i + 1]], starts[i]);
    }
}
