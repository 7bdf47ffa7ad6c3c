using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>
/// What to take from a folder or an archive and how to join it into one text.
/// </summary>
/// <param name="Include">Globs of the files to take ('/'-separated paths, `**` for any folders); an entry starting
/// with '!' excludes instead. Empty: every file.</param>
/// <param name="Exclude">Globs of files to leave out even when included (`**/Documentation/**`).</param>
/// <param name="Separator">The line written before each file; "{path}" stands for the file's path. Null or empty: none.</param>
/// <param name="MaxBytes">Largest corpus built; default the largest that training accepts.</param>
public sealed record CorpusBuildOptions(
    IReadOnlyList<string> Include,
    IReadOnlyList<string>? Exclude = null,
    string? Separator = CorpusBuildOptions.DefaultSeparator,
    long? MaxBytes = null)
{
    /// <summary>A line that names the file and stands out from most languages' own lines.</summary>
    public const string DefaultSeparator = "===== {path} =====";

    /// <summary>Stands for the file's path in <see cref="Separator"/>.</summary>
    public const string PathPlaceholder = "{path}";

    public long Limit => MaxBytes ?? CorpusLimits.Default.MaxBytes;

    /// <summary>The separator line for <paramref name="path"/> with its line end, or "" when there is none.</summary>
    public string SeparatorLine(string path) =>
        string.IsNullOrEmpty(Separator) ? "" : Separator.Replace(PathPlaceholder, path, StringComparison.Ordinal) + "\n";

    /// <summary>Equal when the globs (in order), separator and limit are: a record compares lists by reference.</summary>
    public bool Equals(CorpusBuildOptions? other) =>
        other is not null && Include.SequenceEqual(other.Include) && (Exclude ?? []).SequenceEqual(other.Exclude ?? [])
        && Separator == other.Separator && MaxBytes == other.MaxBytes;

    public override int GetHashCode() => HashCode.Combine(string.Join("\n", Include), string.Join("\n", Exclude ?? []), Separator, MaxBytes);

    /// <summary>Stops a build whose text (or spooled input) would reach <paramref name="size"/> bytes at <paramref name="path"/>, past the limit.</summary>
    public void EnsureWithinLimit(long size, string path)
    {
        if (size > Limit)
            throw new CorpusException(
                $"The corpus would grow past the limit of {DownloadProgress.FormatBytes(Limit)} at {path}. " +
                "Narrow the include and exclude globs (for example exclude **/drivers/**) to take fewer files.");
    }

    /// <summary>Refuses a separator that would break the one-line-per-file rule.</summary>
    public void Validate()
    {
        if (Separator is not null && (Separator.Contains('\n') || Separator.Contains('\r')))
            throw new CorpusException($"The separator \"{Separator}\" has a line break in it; it must be one line (\"{PathPlaceholder}\" names the file).");
        if (Limit <= 0)
            throw new CorpusException($"The size limit of a built corpus must be positive (got {Limit}).");
        foreach (string glob in Include.Concat(Exclude ?? []))
            if (string.IsNullOrWhiteSpace(glob.TrimStart('!')))
                throw new CorpusException("An include or exclude glob is empty. Give a pattern such as **/*.c.");
    }
}
