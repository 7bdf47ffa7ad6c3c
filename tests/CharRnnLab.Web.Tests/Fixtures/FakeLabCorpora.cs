using System.Text;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Data;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>A catalogue of in-memory corpora that notes which ones were loaded.</summary>
public sealed class FakeLabCorpora(params (CorpusInfo Info, string? Text)[] corpora) : ILabCorpora
{
    public List<string> Loaded { get; } = [];

    public IReadOnlyList<CorpusInfo> List() => corpora.Select(c => c.Info).ToList();

    public Corpus Load(string id)
    {
        Loaded.Add(id);
        var (info, text) = corpora.Single(c => c.Info.Id == id);
        return CorpusLoader.FromText(info.Id, text ?? throw new InvalidOperationException($"{id} is not available"));
    }

    public CorpusPreview Preview(string id, int maxChars = 4096) => throw new NotSupportedException();
    public Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken) => throw new NotSupportedException();
    public void Delete(string id) => throw new NotSupportedException();
    public Task<CorpusInfo> DownloadAsync(string id, IProgress<double> progress, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<BuildSummary> BuildFromUploadAsync(string name, string fileName, Stream archive, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<BuildSummary> BuildFromUrlAsync(string name, string url, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken) => throw new NotSupportedException();
}
