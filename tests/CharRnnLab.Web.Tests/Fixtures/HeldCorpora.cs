using CharRnnLab.Core;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Data;
using CharRnnLab.Web.Corpora;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>
/// The lab's corpora with one corpus, <see cref="HeldId"/>, whose loading waits until the test lets it go and then fails: a start
/// of it holds the lab's launch lock for as long as the test wants, so the test can queue other operations behind it in order.
/// </summary>
public sealed class HeldCorpora(ILabCorpora inner) : ILabCorpora
{
    public const string HeldId = "held";

    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a load of <see cref="HeldId"/> is waiting.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets the waiting load go on (to fail).</summary>
    public void Release() => _released.TrySetResult();

    public Corpus Load(string id)
    {
        if (id != HeldId) return inner.Load(id);
        _entered.TrySetResult();
        _released.Task.Wait();
        throw new CorpusException($"'{HeldId}' is a corpus the test held and then refused.");
    }

    public IReadOnlyList<CorpusInfo> List() => inner.List();
    public CorpusPreview Preview(string id, int maxChars = 4096) => inner.Preview(id, maxChars);
    public Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken) =>
        inner.UploadAsync(fileName, content, cancellationToken);
    public void Delete(string id) => inner.Delete(id);
    public Task<CorpusInfo> DownloadAsync(string id, IProgress<double> progress, CancellationToken cancellationToken) =>
        inner.DownloadAsync(id, progress, cancellationToken);
    public Task<BuildSummary> BuildFromUploadAsync(string name, string fileName, Stream archive, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken) =>
        inner.BuildFromUploadAsync(name, fileName, archive, options, progress, cancellationToken);
    public Task<BuildSummary> BuildFromUrlAsync(string name, string url, CorpusBuildOptions options,
        IProgress<BuildProgress> progress, CancellationToken cancellationToken) =>
        inner.BuildFromUrlAsync(name, url, options, progress, cancellationToken);
}
