using System.Text;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// "CharRnnLab source": this repository's own .cs, .razor, .js and .css files concatenated, each
/// behind a header comment naming it, like Karpathy's Linux-kernel corpus. Built on demand from
/// the checkout that contains CharRnnLab.sln; bin/, obj/, .git/ and other hidden or generated
/// folders and minified files are skipped; files come in ordinal order of their relative paths.
/// </summary>
public static class SourceCorpus
{
    public const string Id = "charrnnlab-source";
    public const string SolutionFile = "CharRnnLab.sln";
    public static readonly IReadOnlyList<string> Extensions = [".cs", ".razor", ".js", ".css"];
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "TestResults" };

    /// <summary>The nearest folder at or above <paramref name="start"/> holding CharRnnLab.sln, or null.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }

    /// <summary>The first repository root found above any of <paramref name="starts"/>.</summary>
    public static string? FindRepoRoot(IEnumerable<string> starts) =>
        starts.Select(FindRepoRoot).FirstOrDefault(root => root is not null);

    /// <summary>Relative paths ('/'-separated) of the source files, in ordinal order.</summary>
    public static IReadOnlyList<string> ListFiles(string repoRoot)
    {
        var files = new List<string>();
        Collect(new DirectoryInfo(repoRoot), repoRoot, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The corpus text: every source file behind a one-line header comment, LF line ends.</summary>
    public static string Build(string repoRoot)
    {
        var text = new StringBuilder();
        foreach (string relative in ListFiles(repoRoot))
        {
            string content = File.ReadAllText(Path.Combine(repoRoot, relative)).Replace("\r\n", "\n").TrimStart('\uFEFF');
            if (text.Length > 0) text.Append('\n');
            text.Append(Header(relative)).Append('\n').Append(content);
            if (!content.EndsWith('\n')) text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A comment in the file's own language: // for C# and JS, /* */ for CSS, @* *@ for Razor.</summary>
    public static string Header(string relativePath) => Path.GetExtension(relativePath).ToLowerInvariant() switch
    {
        ".css" => $"/* ===== {relativePath} ===== */",
        ".razor" => $"@* ===== {relativePath} ===== *@",
        _ => $"// ===== {relativePath} =====",
    };

    /// <summary>The error for an installed lab without its sources.</summary>
    public static CorpusException NotFound(IEnumerable<string> searched) => new(
        $"The \"CharRnnLab source\" corpus is built from the repository's own files, but no {SolutionFile} was found " +
        $"in or above {string.Join(" or ", searched.Distinct())}. CharRnnLab seems to be installed without its sources: " +
        "run it from a clone of the repository, or pick another corpus.");

    private static void Collect(DirectoryInfo dir, string root, List<string> files)
    {
        foreach (var file in dir.EnumerateFiles())
        {
            if (!Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase)) continue;
            if (file.Name.Contains(".min.", StringComparison.OrdinalIgnoreCase)) continue;
            files.Add(Path.GetRelativePath(root, file.FullName).Replace('\\', '/'));
        }
        foreach (var sub in dir.EnumerateDirectories())
        {
            bool skip = sub.Name.StartsWith('.') || SkippedFolders.Contains(sub.Name)
                || sub.Attributes.HasFlag(FileAttributes.ReparsePoint); // never follow links out of the tree
            if (!skip) Collect(sub, root, files);
        }
    }
}
