using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>
/// Text from a corpus's n-gram model (Kneser–Ney, or Goldberg's unsmoothed maximum likelihood), to
/// set beside a run's samples at the same temperature: Core's <see cref="NgramSampler"/> on the index of
/// the <see cref="NgramIndexStore"/>, as yardstick work. The same limits as the run's sampler.
/// </summary>
public sealed class NgramSampleService(NgramIndexStore indexes, YardstickWork work)
{
    /// <param name="corpusId">The lab corpus.</param>
    /// <param name="fraction">The run's validation fraction: the model is built from the training split only.</param>
    /// <param name="options">Order, length, temperature (0 = most likely symbol), smoothing, seed.</param>
    public async Task<string> SampleAsync(string corpusId, double fraction, NgramSampleOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        RunSampler.Validate(options.Temperature, "", options.Length);
        var index = await indexes.OpenAsync(corpusId, fraction, progress, cancellationToken);
        progress?.Report($"sampling {options.Length:N0} characters from the {options.Order}-gram…");
        return await work.RunAsync(() => new NgramSampler(index.Index, index.Corpus.Vocabulary).Generate(options), cancellationToken);
    }
}
