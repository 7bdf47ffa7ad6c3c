using System.Diagnostics;
using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>What front ends call: n-gram validation losses and samples of a corpus, index cached next to it.</summary>
public static class NgramBaselines
{
    public const string Smoothing = "interpolated Kneser–Ney";

    /// <summary>The index of a corpus and split, from its cache file when there is one (in-memory corpora: built each time).</summary>
    public static CachedNgramIndex Open(Corpus corpus, double validationFraction) =>
        NgramIndexCache.LoadOrBuild(corpus, validationFraction, NgramIndexCache.PathFor(corpus, validationFraction));

    /// <summary>Validation loss of the models of order <paramref name="fromOrder"/>..<paramref name="toOrder"/>.</summary>
    public static NgramReport Evaluate(Corpus corpus, double validationFraction, int fromOrder = 1, int toOrder = NgramIndex.MaxOrder)
    {
        if (fromOrder < 1 || toOrder > NgramIndex.MaxOrder || fromOrder > toOrder)
            throw new ConfigException($"n-gram orders must lie in 1..{NgramIndex.MaxOrder}, lowest first (got {fromOrder}-{toOrder}).");
        var opened = Open(corpus, validationFraction);
        var index = opened.Index;
        var clock = Stopwatch.StartNew();
        var scores = NgramScorer.Score(index, corpus.Encoded, toOrder).Where(s => s.Order >= fromOrder).ToArray();
        return new NgramReport(corpus.Name, index.TrainLength, index.ValidationLength, validationFraction, Smoothing, scores,
            opened.Seconds, clock.Elapsed.TotalSeconds, index.Reversed.Bytes, opened.Source, opened.Path, opened.Note);
    }

    /// <summary>A sample of <paramref name="options"/>.Length symbols from the corpus's n-gram model.</summary>
    public static string Sample(Corpus corpus, double validationFraction, NgramSampleOptions options) =>
        new NgramSampler(Open(corpus, validationFraction).Index, corpus.Vocabulary).Generate(options);
}
