using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>
/// The n-gram baselines of the lab's corpora (<see cref="NgramBaseline"/>): the index from the
/// <see cref="NgramIndexStore"/>, every order scored in one pass (<see cref="NgramScorer"/>) as yardstick
/// work. Scores are kept in memory per corpus and split, so the run page and the Compare page ask once.
/// </summary>
public sealed class NgramBaselineService(NgramIndexStore indexes, YardstickWork work)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string CorpusId, double Fraction), Task<NgramBaseline>> _baselines = [];

    /// <summary>Whether <see cref="BaselineAsync"/> answers without a long wait (see <see cref="NgramIndexStore.IsQuick"/>).</summary>
    public bool IsQuick(string corpusId, double fraction)
    {
        lock (_lock)
        {
            if (_baselines.TryGetValue((corpusId, fraction), out var known) && known.IsCompletedSuccessfully) return true;
        }
        return indexes.IsQuick(corpusId, fraction);
    }

    /// <summary>Validation loss of every order on <paramref name="corpusId"/>'s split <paramref name="fraction"/>.
    /// Faults with Core's message for a corpus too large to index or a split without validation symbols.</summary>
    public Task<NgramBaseline> BaselineAsync(string corpusId, double fraction, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Task<NgramBaseline> baseline;
        lock (_lock)
        {
            var key = (corpusId, fraction);
            if (!_baselines.TryGetValue(key, out baseline!) || baseline.IsFaulted || baseline.IsCanceled)
                _baselines[key] = baseline = ScoreAsync(corpusId, fraction, progress);
        }
        return baseline.WaitAsync(cancellationToken);
    }

    private async Task<NgramBaseline> ScoreAsync(string corpusId, double fraction, IProgress<string>? progress)
    {
        var index = await indexes.OpenAsync(corpusId, fraction, progress);
        return await work.RunAsync(() =>
        {
            progress?.Report($"scoring orders 1–{NgramIndex.MaxOrder} on {index.Index.ValidationLength:N0} validation symbols…");
            var orders = NgramScorer.Score(index.Index, index.Corpus.Encoded, NgramIndex.MaxOrder);
            return new NgramBaseline(corpusId, index.Corpus.Name, fraction, orders);
        });
    }
}
