using CharRnnLab.Core.Corpora.Building;

namespace CharRnnLab.Core.Corpora.Download;

/// <summary>
/// A classic corpus that can be downloaded: where from, how big, how to check it.
/// <see cref="Sha256"/> is null unless the checksum is known for sure (never guessed): such
/// corpora are trusted on first use instead (see <see cref="ChecksumCheck"/>).
/// </summary>
/// <param name="Name">Id and file name, e.g. "tiny-shakespeare".</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Description">What the text is and why it is interesting.</param>
/// <param name="Url">Where to download it from (http or https).</param>
/// <param name="ExpectedBytes">Size of the stored text (after unzipping); approximate unless <paramref name="ExactSize"/>.</param>
/// <param name="ExactSize">True when <paramref name="ExpectedBytes"/> is exact and a download of another size is refused.</param>
/// <param name="Sha256">Pinned SHA-256 (lower-case hex) of the downloaded bytes, or null to trust on first use.</param>
/// <param name="Licence">Licence note shown to the user.</param>
/// <param name="Archive">"zip" when the download is an archive to unpack, else null.</param>
/// <param name="ArchiveEntry">The archive member to keep; null picks the only file in it.</param>
/// <param name="Build">Set when the download is an archive of many files to build the corpus from (slice of
/// <see cref="CorpusBuilder"/>): which files, which separator.</param>
/// <param name="Post">One sentence on what Karpathy's post trained on, for comparison.</param>
public sealed record CatalogEntry(
    string Name,
    string Title,
    string Description,
    Uri Url,
    long? ExpectedBytes,
    bool ExactSize,
    string? Sha256,
    string Licence,
    string? Archive = null,
    string? ArchiveEntry = null,
    CorpusBuildOptions? Build = null,
    string? Post = null)
{
    /// <summary>The stored file's name in the downloads folder.</summary>
    public string FileName => Name + ".txt";

    /// <summary>The description, then what the post trained on.</summary>
    public string FullDescription => Post is null ? Description : $"{Description} The post: {Post}";
}
