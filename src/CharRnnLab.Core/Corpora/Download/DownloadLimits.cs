namespace CharRnnLab.Core.Corpora.Download;

/// <summary>
/// The most bytes a catalogue download may bring, on the wire and once unzipped: the catalogue's
/// size with a margin (sizes are approximate unless exact; a source may grow a little), so a wrong
/// URL, a hostile mirror or a zip bomb stops at the cap instead of filling the disk.
/// </summary>
public static class DownloadLimits
{
    /// <summary>For an entry with no size in the catalogue: more than any classic corpus (enwik8 is 100 MB).</summary>
    public const long UnknownSizeBytes = 2L << 30;

    /// <summary>Headroom over an approximate size: twice it, plus this (a small text's zip has headers).</summary>
    public const long MarginBytes = 1L << 20;

    /// <summary>The cap on the stored text and, since an archive is smaller than what it holds, on the transfer too.
    /// An exact size gets the same margin: the exact check after the transfer then says precisely what differs.</summary>
    public static long MaxBytes(CatalogEntry entry) =>
        entry.ExpectedBytes is { } expected ? 2 * expected + MarginBytes : UnknownSizeBytes;

    /// <summary>The refusal, naming <paramref name="what"/> went past the cap ("The download", "The unzipped text").</summary>
    public static CorpusException TooLarge(CatalogEntry entry, string what) =>
        new($"{what} of {entry.Name} is larger than {DownloadProgress.FormatBytes(MaxBytes(entry))}, the most its catalogue size " +
            $"({(entry.ExpectedBytes is { } b ? DownloadProgress.FormatBytes(b) : "unknown")}) allows. It was stopped and discarded; " +
            "check the URL in the catalogue, or set the entry's size if the source really grew.");
}
