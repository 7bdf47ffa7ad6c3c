using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>Why a file that matched the globs was left out of a built corpus.</summary>
public enum SkipReason
{
    /// <summary>It has a NUL byte: a binary file.</summary>
    Binary,
    /// <summary>It is not valid UTF-8 (Latin-1 and other legacy encodings land here).</summary>
    NotUtf8,
    /// <summary>It has no bytes (after a byte-order mark).</summary>
    Empty,
    /// <summary>A link, device or other archive member that is not a regular file.</summary>
    NotRegularFile,
}

/// <summary>What a build took and left out.</summary>
/// <param name="FilesTaken">Files written into the corpus.</param>
/// <param name="Skipped">Files that matched the globs but were left out, by reason.</param>
/// <param name="SkippedExamples">Up to a few paths per reason, for the message.</param>
/// <param name="NotMatched">Files the globs did not select.</param>
/// <param name="Bytes">Size of the corpus in bytes (separators included).</param>
/// <param name="Characters">Symbols (Unicode scalar values) in the corpus.</param>
/// <param name="Symbols">Distinct symbols: the vocabulary a model trained on it gets.</param>
public sealed record BuildSummary(
    int FilesTaken,
    IReadOnlyDictionary<SkipReason, int> Skipped,
    IReadOnlyDictionary<SkipReason, IReadOnlyList<string>> SkippedExamples,
    int NotMatched,
    long Bytes,
    long Characters,
    int Symbols)
{
    public int SkippedTotal => Skipped.Values.Sum();

    /// <summary>"412 files, 3.1 MB, 3,101,234 characters, 97 symbols; skipped: 2 binary (logo.png, …)".</summary>
    public override string ToString()
    {
        string taken = $"{FilesTaken:N0} files, {DownloadProgress.FormatBytes(Bytes)}, {Characters:N0} characters, {Symbols} symbols";
        string skipped = Skipped.Count == 0 ? "nothing skipped"
            : "skipped: " + string.Join("; ", Skipped.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {Describe(s.Key)} ({string.Join(", ", SkippedExamples[s.Key])}{(s.Value > SkippedExamples[s.Key].Count ? ", …" : "")})"));
        return $"{taken}; {skipped}; {NotMatched:N0} not matching the globs";
    }

    public static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.Binary => "binary",
        SkipReason.NotUtf8 => "not UTF-8",
        SkipReason.Empty => "empty",
        _ => "not a regular file",
    };
}

/// <summary>A build's progress, reported a few times a second and at the end of each stage.</summary>
/// <param name="Stage">What is happening: reading the input, or writing the corpus in path order.</param>
/// <param name="Done">Input bytes read (reading) or files written (writing).</param>
/// <param name="Total">The total of <paramref name="Done"/> when known.</param>
/// <param name="FilesTaken">Files in the corpus so far.</param>
/// <param name="Path">The file being read or written.</param>
public sealed record BuildProgress(BuildStage Stage, long Done, long? Total, int FilesTaken, string? Path)
{
    public double? Fraction => Total is > 0 and long t ? Math.Clamp((double)Done / t, 0, 1) : null;
}

public enum BuildStage { Reading, Writing }
