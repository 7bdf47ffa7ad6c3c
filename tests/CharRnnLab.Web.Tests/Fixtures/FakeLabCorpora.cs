using System.Text;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Data;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>A catalogue of in-memory corpora that notes which ones were loaded; a download marks a catalogue corpus downloaded.</summary>
public sealed class FakeLabCorpora(params (CorpusInfo Info, string? Text)[] corpora) : ILabCorpora
{
    private readonly (CorpusInfo Info, string? Text)[] _corpora = [.. corpora];

    public List<string> Loaded { get; } = [];

    /// <summary>When set, a download fails with it (after reporting half of the bytes).</summary>
    public Exception? DownloadError { get; set; }

    public IReadOnlyList<CorpusInfo> List() => _corpora.Select(c => c.Info).ToList();

    public Corpus Load(string id)
    {
        Loaded.Add(id);
        var (info, text) = _corpora.Single(c => c.Info.Id == id);
        return CorpusLoader.FromText(info.Id, text ?? throw new InvalidOperationException($"{id} is not available"));
    }

    public CorpusPreview Preview(string id, int maxChars = 4096) => throw new NotSupportedException();
    public Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken) => throw new NotSupportedException();
    public void Delete(string id) => throw new NotSupportedException();

    public Task<CorpusInfo> DownloadAsync(string id, IProgress<double> progress, CancellationToken cancellationToken)
    {
        int index = Array.FindIndex(_corpora, c => c.Info.Id == id && c.Info.Kind == CorpusKinds.Catalog);
        if (index < 0) throw new InvalidOperationException($"{id} is not a catalogue corpus to download");
        progress.Report(0.5);
        if (DownloadError is { } error) return Task.FromException<CorpusInfo>(error);
        _corpora[index] = (_corpora[index].Info with { Kind = CorpusKinds.Downloaded, Available = true }, _corpora[index].Text);
        return Task.FromResult(_corpora[index].Info);
    }

    public Task<BuildSummary> BuildFromUploadAsync(string name, string fileName, Stream archive, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<BuildSummary> BuildFromUrlAsync(string name, string url, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken) => throw new NotSupportedException();
}
