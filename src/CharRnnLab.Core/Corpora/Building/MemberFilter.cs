using Microsoft.Extensions.FileSystemGlobbing;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>
/// Decides by path which files go into a built corpus: included by one of the include globs (all files
/// when there is none) and excluded by none of the exclude globs. Paths are '/'-separated, case-sensitive.
/// </summary>
internal sealed class MemberFilter
{
    private readonly Matcher _matcher = new(StringComparison.Ordinal);

    public MemberFilter(CorpusBuildOptions options)
    {
        var includes = options.Include.Where(g => !g.StartsWith('!')).ToList();
        var excludes = options.Include.Where(g => g.StartsWith('!')).Select(g => g[1..]).Concat(options.Exclude ?? []);
        _matcher.AddIncludePatterns(includes.Count > 0 ? includes : ["**/*"]);
        _matcher.AddExcludePatterns(excludes);
    }

    public bool Takes(string path) => _matcher.Match(Normalise(path)).HasMatches;

    /// <summary>"./a\b.c" → "a/b.c": the form globs are matched against.</summary>
    public static string Normalise(string path)
    {
        string slashed = path.Replace('\\', '/');
        while (slashed.StartsWith("./", StringComparison.Ordinal)) slashed = slashed[2..];
        return slashed.TrimStart('/');
    }
}
