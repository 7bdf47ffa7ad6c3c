using System.Globalization;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>A lab corpus with its n-gram index for one train/validation split.</summary>
/// <param name="CorpusId">The lab corpus.</param>
/// <param name="Corpus">Its text and vocabulary.</param>
/// <param name="Index">The reversed training split's suffix array and discounts (Core's <see cref="NgramIndex"/>).</param>
/// <param name="Source">Built now, or read from its cache file.</param>
public sealed record CorpusIndex(string CorpusId, Corpus Corpus, NgramIndex Index, NgramIndexSource Source);

/// <summary>
/// The n-gram index of each lab corpus and split, built once: Core's <see cref="NgramIndexCache"/>
/// keeps it in a file next to the corpus (all lab corpora live in the data directory), and the last
/// <see cref="Kept"/> are kept in memory (8 bytes a training symbol). Two pages asking for the same
/// index while it builds share one build. A corpus whose training split is too large is refused with
/// Core's message (a <see cref="Core.CorpusException"/>).
/// </summary>
public sealed class NgramIndexStore(ILabCorpora corpora, YardstickWork work, IOptions<LabOptions> options)
{
    /// <summary>Indexes kept in memory, most recently used first.</summary>
    public const int Kept = 2;

    private readonly Lock _lock = new();
    private readonly List<(string CorpusId, double Fraction, Task<CorpusIndex> Index)> _entries = [];

    /// <summary>
    /// The index of <paramref name="corpusId"/> for validation fraction <paramref name="fraction"/>.
    /// <paramref name="progress"/> hears what is being done (reading the corpus, building or reading the index).
    /// </summary>
    public Task<CorpusIndex> OpenAsync(string corpusId, double fraction, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Task<CorpusIndex> index;
        lock (_lock)
        {
            int at = _entries.FindIndex(e => e.CorpusId == corpusId && e.Fraction == fraction && !e.Index.IsFaulted && !e.Index.IsCanceled);
            if (at >= 0)
            {
                var entry = _entries[at];
                _entries.RemoveAt(at);
                _entries.Insert(0, entry);
                if (!entry.Index.IsCompleted) progress?.Report("waiting for the n-gram index another page is building…");
                index = entry.Index;
            }
            else
            {
                _entries.RemoveAll(e => e.CorpusId == corpusId && e.Fraction == fraction);
                index = work.RunAsync(() => Open(corpusId, fraction, progress));
                _entries.Insert(0, (corpusId, fraction, index));
                if (_entries.Count > Kept) _entries.RemoveRange(Kept, _entries.Count - Kept);
            }
        }
        return index.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the index is quick to have: in memory (or being built), in a cache file beside the corpus, or the corpus is at
    /// most <see cref="LabOptions.NgramAutoBuildBytes"/>. Pages compute quick baselines by themselves and offer a button otherwise.
    /// </summary>
    public bool IsQuick(string corpusId, double fraction)
    {
        lock (_lock)
        {
            // Built or being built: either way it comes without starting anything.
            if (_entries.Any(e => e.CorpusId == corpusId && e.Fraction == fraction && !e.Index.IsFaulted && !e.Index.IsCanceled)) return true;
        }
        var info = corpora.List().FirstOrDefault(c => c.Id == corpusId);
        if (info is null || !info.Available) return false;
        if (info.SizeBytes is { } size && size <= options.Value.NgramAutoBuildBytes) return true;
        return info.Path is { } path && HasCacheFile(path, fraction);
    }

    /// <summary>A cache file of this corpus path and split exists (its hash is checked when it is read).</summary>
    private static bool HasCacheFile(string corpusPath, double fraction)
    {
        string? folder = Path.GetDirectoryName(corpusPath);
        if (folder is null || !Directory.Exists(folder)) return false;
        string suffix = $".val{fraction.ToString("0.####", CultureInfo.InvariantCulture)}.ngram";
        return Directory.EnumerateFiles(folder, Path.GetFileName(corpusPath) + ".*" + suffix).Any();
    }

    private CorpusIndex Open(string corpusId, double fraction, IProgress<string>? progress)
    {
        progress?.Report("reading the corpus…");
        var corpus = corpora.Load(corpusId);
        string? cache = NgramIndexCache.PathFor(corpus, fraction);
        progress?.Report(cache is not null && File.Exists(cache)
            ? "reading the n-gram index from its cache file…"
            : $"building the n-gram index of {corpus.Name}'s training split (once; then it is read from a file)…");
        var opened = NgramBaselines.Open(corpus, fraction);
        return new CorpusIndex(corpusId, corpus, opened.Index, opened.Source);
    }
}
