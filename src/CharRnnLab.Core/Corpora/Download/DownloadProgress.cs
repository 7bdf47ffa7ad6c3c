namespace CharRnnLab.Core.Corpora.Download;

/// <summary>A download's progress, reported a few times a second and once at the end.</summary>
/// <param name="Name">The corpus being downloaded.</param>
/// <param name="BytesReceived">Bytes in the partial file so far, resumed bytes included.</param>
/// <param name="TotalBytes">The full size when the server says it, else null.</param>
/// <param name="BytesPerSecond">Average rate of this transfer (resumed bytes excluded).</param>
/// <param name="Eta">Estimated time left; null when the size or rate is unknown.</param>
public sealed record DownloadProgress(string Name, long BytesReceived, long? TotalBytes, double BytesPerSecond, TimeSpan? Eta)
{
    /// <summary>"12.3 MB of 36.4 MB, 4.1 MB/s, 6 s left" style text for a console line.</summary>
    public override string ToString()
    {
        string of = TotalBytes is { } total ? $" of {FormatBytes(total)}" : "";
        string eta = Eta is { } e ? FormattableString.Invariant($", {Math.Ceiling(e.TotalSeconds):0} s left") : "";
        return $"{Name}: {FormatBytes(BytesReceived)}{of}, {FormatBytes((long)BytesPerSecond)}/s{eta}";
    }

    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1_000 => FormattableString.Invariant($"{bytes} B"),
        < 1_000_000 => FormattableString.Invariant($"{bytes / 1e3:0.0} kB"),
        < 1_000_000_000 => FormattableString.Invariant($"{bytes / 1e6:0.0} MB"),
        _ => FormattableString.Invariant($"{bytes / 1e9:0.00} GB"),
    };
}

/// <summary>What <see cref="CorpusDownloader.FetchAsync"/> did.</summary>
/// <param name="Name">The catalogue name.</param>
/// <param name="Path">The stored text file.</param>
/// <param name="SizeBytes">Size of the stored text file.</param>
/// <param name="Sha256">SHA-256 of the downloaded bytes (the archive, for zipped corpora); null if nothing was downloaded.</param>
/// <param name="Check">How the download was verified; null when the file was already present and nothing was downloaded.</param>
/// <param name="Resumed">True when an interrupted earlier download was continued.</param>
/// <param name="AlreadyPresent">True when the corpus was already stored and nothing was downloaded.</param>
public sealed record DownloadResult(
    string Name, string Path, long SizeBytes, string? Sha256, ChecksumCheck? Check, bool Resumed, bool AlreadyPresent);
