using CharRnnLab.Core.Yardsticks.Novelty;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>
/// What a sample copies from its run's training text (Core's <see cref="NoveltyCheck"/>, as
/// <c>charrnn novelty</c>): the longest piece found there, the share in copies of ≥ 20 symbols and
/// those spans, and the share of its lines that are new. The index from the <see cref="NgramIndexStore"/>;
/// the check itself is yardstick work (about the sum of the sample's match lengths).
/// </summary>
public sealed class NoveltyService(NgramIndexStore indexes, YardstickWork work)
{
    /// <param name="corpusId">The run's corpus.</param>
    /// <param name="fraction">The run's validation fraction: only the training split counts as training data.</param>
    /// <param name="sample">The generated text.</param>
    public async Task<NoveltyReport> MeasureAsync(string corpusId, double fraction, string sample,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var index = await indexes.OpenAsync(corpusId, fraction, progress, cancellationToken);
        progress?.Report("looking for the sample's pieces in the training text…");
        return await work.RunAsync(() => new NoveltyCheck(index.Index, index.Corpus.Vocabulary).Measure(sample), cancellationToken);
    }
}
