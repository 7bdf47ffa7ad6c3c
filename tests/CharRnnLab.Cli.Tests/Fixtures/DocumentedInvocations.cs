using System.Text.RegularExpressions;

namespace CharRnnLab.Cli.Tests.Fixtures;

/// <summary>
/// Every `charrnn ...` command line the docs show (README.md, docs/, corpora/): in code blocks
/// (continuation lines joined, comments dropped) and in inline code; a `$(charrnn ...)` inside
/// another command counts on its own and stands for a file path in the outer one. Directives such as
/// `[suggest]` are left out: they are not verbs.
/// </summary>
public static partial class DocumentedInvocations
{
    public static string RepositoryRoot { get; } = FindRoot(); // before All, which reads below it

    /// <summary>(file relative to the repository, command line without "charrnn").</summary>
    public static IReadOnlyList<(string File, string CommandLine)> All { get; } = Read();

    private static IReadOnlyList<(string, string)> Read() =>
        MarkdownFiles().SelectMany(file => CommandLines(File.ReadAllText(file))
                .Select(line => (Path.GetRelativePath(RepositoryRoot, file), line)))
            .Distinct().ToList();

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(RepositoryRoot, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "corpora"), "*.md", SearchOption.AllDirectories));

    private static IEnumerable<string> CommandLines(string markdown)
    {
        var blocks = CodeBlock().Matches(markdown).Select(m => m.Groups["body"].Value).ToList();
        string prose = CodeBlock().Replace(markdown, "");
        var fromBlocks = blocks.SelectMany(b => ContinuationLine().Replace(b, " ").Split('\n'))
            .Select(line => Comment().Replace(line, "").Trim());
        var fromProse = InlineCode().Matches(prose).Select(m => m.Groups["code"].Value.Replace('\n', ' ').Trim());
        return fromBlocks.Concat(fromProse)
            .Where(c => c.StartsWith("charrnn ", StringComparison.Ordinal) && !IsDirective(c))
            .Select(c => ShellTail().Replace(c, ""))
            .SelectMany(Unnest);
    }

    // `charrnn "[suggest:11]" "train --hid"` asks System.CommandLine for completions (CharRnnCliTests covers it).
    private static bool IsDirective(string command) => command["charrnn ".Length..].TrimStart('"').StartsWith('[');

    // "charrnn train --corpus "$(charrnn corpora path x)" …" is two invocations; the inner one stands for a path.
    private static IEnumerable<string> Unnest(string command)
    {
        foreach (Match inner in Substitution().Matches(command)) yield return inner.Groups["inner"].Value["charrnn ".Length..];
        yield return Substitution().Replace(command, "corpus.txt")["charrnn ".Length..];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CharRnnLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No CharRnnLab.sln above {AppContext.BaseDirectory}: the docs cannot be read.");
    }

    [GeneratedRegex(@"```[a-z]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\\\n\s*")]
    private static partial Regex ContinuationLine();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();

    // "charrnn … --json > out.json" or "… | head": the shell's redirection or pipe is not the program's.
    [GeneratedRegex(@"\s+(\||>>?|2>)\s.*$")]
    private static partial Regex ShellTail();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\$\((?<inner>charrnn [^)]*)\)")]
    private static partial Regex Substitution();
}
