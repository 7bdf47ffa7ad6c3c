using CharRnnLab.Core;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Core.Data;
using CharRnnLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Corpora;

/// <summary>
/// <see cref="ILabCorpora"/> over Core's <see cref="CorpusLibrary"/> in the lab's data directory,
/// with the upload limit from <see cref="LabOptions.MaxUploadBytes"/>.
/// </summary>
public sealed class LabCorpora(IOptions<LabOptions> options, IHttpClientFactory http) : ILabCorpora
{
    public const string HttpClientName = "corpora";

    private readonly CorpusLibrary _library = new(options.Value.DataDirectory, maxUploadBytes: options.Value.MaxUploadBytes);

    public IReadOnlyList<CorpusInfo> List() => _library.List();

    public Corpus Load(string id) => CorpusLoader.LoadFile(_library.EnsureAvailable(id));

    public CorpusPreview Preview(string id, int maxChars = 4096)
    {
        var corpus = Load(id);
        string head = corpus.Text.Length <= maxChars ? corpus.Text : corpus.Text[..maxChars];
        return new CorpusPreview(_library.Get(id), head, new FileInfo(corpus.SourcePath!).Length, corpus.Length, corpus.Vocabulary.Count);
    }

    /// <summary>Stores the upload (the library refuses empty, binary, non-UTF-8 or oversized files), then
    /// loads it as a corpus; if that fails too (e.g. thousands of distinct symbols) the new file is removed.</summary>
    public async Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var added = await _library.UploadAsync(fileName, content, cancellationToken);
        try
        {
            CorpusLoader.LoadFile(added.Path!);
            return added;
        }
        catch (CorpusException)
        {
            _library.DeleteUpload(added.Id);
            throw;
        }
    }

    public void Delete(string id)
    {
        var corpus = _library.Get(id);
        if (!corpus.CanDelete())
            throw new CorpusException($"'{corpus.Name}' is a {corpus.Kind} corpus; only uploaded corpora can be deleted from the lab.");
        _library.DeleteUpload(id);
    }

    public async Task<CorpusInfo> DownloadAsync(string id, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var report = new Progress<DownloadProgress>(p =>
        {
            if (p.TotalBytes is > 0 and var total) progress.Report(Math.Clamp(p.BytesReceived / (double)total, 0, 1));
        });
        await _library.FetchAsync(id, http.CreateClient(HttpClientName), report, cancellation: cancellationToken);
        progress.Report(1);
        return _library.Get(id);
    }

    /// <summary>
    /// The upload is streamed to a temporary file beside the built corpora first (the archive readers read
    /// synchronously, which a browser upload cannot), never held in memory; it is deleted afterwards.
    /// </summary>
    public async Task<BuildSummary> BuildFromUploadAsync(string name, string fileName, Stream archive, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken)
    {
        // A folder named *.tmp: if the lab stops mid-build, its next start removes it (RunRecovery).
        string folder = Path.Combine(_library.Built.Directory, ".uploads", Guid.NewGuid().ToString("N") + ".tmp");
        string copy = Path.Combine(folder, Path.GetFileName(fileName.Replace('\\', '/')));
        Directory.CreateDirectory(folder);
        try
        {
            await using (var file = File.Create(copy)) await archive.CopyToAsync(file, cancellationToken);
            return await _library.BuildAsync(name, copy, options, progress: progress, cancellation: cancellationToken, describedAs: Path.GetFileName(copy));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public Task<BuildSummary> BuildFromUrlAsync(string name, string url, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken)
    {
        if (!BuiltCorpusStore.IsUrl(url, out _))
            throw new CorpusException($"'{url}' is not an http(s) URL. Give the address of a .tar, .tar.gz, .tar.xz or .zip archive.");
        return _library.BuildAsync(name, url, options, http.CreateClient(HttpClientName), progress, cancellation: cancellationToken);
    }
}
