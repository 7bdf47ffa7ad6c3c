using CharRnnLab.Core.Data;

namespace CharRnnLab.Web.Corpora;

/// <summary>Where a corpus comes from.</summary>
public enum CorpusOrigin { Bundled, Catalog, Uploaded, Source }

/// <summary>A corpus as listed on the Corpora and Train pages.</summary>
/// <param name="Id">Stable id used by StartRun requests.</param>
/// <param name="IsAvailable">False for a catalogue corpus that has not been downloaded yet.</param>
/// <param name="SizeBytes">Size on disk, when available.</param>
public sealed record CorpusInfo(
    string Id,
    string Name,
    CorpusOrigin Origin,
    string Description,
    bool IsAvailable,
    long? SizeBytes,
    bool CanDelete);

/// <summary>The first few KB of a corpus with its size and vocabulary.</summary>
public sealed record CorpusPreview(CorpusInfo Corpus, string Head, long SizeBytes, int Symbols, int VocabularySize);

/// <summary>
/// The corpora the lab can train on. The Web project's view of the corpus library: bundled
/// generated corpora, downloadable catalogue corpora, uploads. Errors a user caused are
/// <see cref="CharRnnLab.Core.CorpusException"/>s with a message ready to show.
/// </summary>
public interface ICorpusCatalog
{
    IReadOnlyList<CorpusInfo> List();

    /// <summary>Loads a corpus for training (throws CorpusException if missing or invalid).</summary>
    Corpus Load(string id);

    CorpusPreview Preview(string id, int maxChars = 4096);

    /// <summary>Validates and stores an uploaded text; on failure nothing existing is changed.</summary>
    Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken);

    void Delete(string id);

    /// <summary>Downloads a catalogue corpus, reporting progress from 0 to 1.</summary>
    Task<CorpusInfo> DownloadAsync(string id, IProgress<double> progress, CancellationToken cancellationToken);
}
