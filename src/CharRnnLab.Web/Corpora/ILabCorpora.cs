using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Data;

namespace CharRnnLab.Web.Corpora;

/// <summary>The first few KB of a corpus with its size and vocabulary.</summary>
public sealed record CorpusPreview(CorpusInfo Corpus, string Head, long SizeBytes, int Symbols, int VocabularySize);

/// <summary>
/// The corpora the lab can train on, as the pages and the hub need them (over Core's
/// <see cref="CorpusLibrary"/>): bundled generated corpora, catalogue corpora to download,
/// uploads, corpora built from many files and the repository's source. Errors a user caused are
/// <see cref="CharRnnLab.Core.CorpusException"/>s with a message ready to show. (Core's
/// <see cref="CharRnnLab.Core.Corpora.Download.CorpusCatalog"/> is only the list of downloadable corpora.)
/// </summary>
public interface ILabCorpora
{
    IReadOnlyList<CorpusInfo> List();

    /// <summary>Loads a corpus for training (generating a bundled one on first use).</summary>
    Corpus Load(string id);

    CorpusPreview Preview(string id, int maxChars = 4096);

    /// <summary>Validates and stores an uploaded text; on failure nothing existing is changed.</summary>
    Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken);

    /// <summary>Deletes an uploaded corpus (other kinds cannot be deleted).</summary>
    void Delete(string id);

    /// <summary>Downloads a catalogue corpus, reporting progress from 0 to 1.</summary>
    Task<CorpusInfo> DownloadAsync(string id, IProgress<double> progress, CancellationToken cancellationToken);

    /// <summary>Builds corpus <paramref name="name"/> from an uploaded archive of many files (see Core's CorpusBuilder).</summary>
    Task<BuildSummary> BuildFromUploadAsync(string name, string fileName, Stream archive, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken);

    /// <summary>Builds corpus <paramref name="name"/> from the archive at an http(s) URL, as it downloads.</summary>
    Task<BuildSummary> BuildFromUrlAsync(string name, string url, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken);
}

public static class CorpusInfoExtensions
{
    /// <summary>Only uploads can be deleted from the lab.</summary>
    public static bool CanDelete(this CorpusInfo corpus) => corpus.Kind == CorpusKinds.Uploaded;

    /// <summary>A catalogue corpus that is not on disk yet.</summary>
    public static bool NeedsDownload(this CorpusInfo corpus) => corpus.Kind == CorpusKinds.Catalog;
}
