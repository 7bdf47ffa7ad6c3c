using CharRnnLab.Core;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Compare;

/// <summary>A corpus's n-gram reference on the Compare page: its best n-gram order on one split.</summary>
public sealed record NgramReference(string CorpusId, string CorpusName, double ValidationFraction, NgramOrderScore Best)
{
    /// <summary>Whether this is the reference of <paramref name="run"/>: the same corpus and split.</summary>
    public bool Measures(ComparedRun run) => run.Run.CorpusId == CorpusId && run.Run.Config.Training.ValidationFraction == ValidationFraction;
}

/// <summary>The compared runs' n-gram references, and why a corpus has none.</summary>
public sealed record NgramReferences(IReadOnlyList<NgramReference> Lines, IReadOnlyList<string> Notes)
{
    public static readonly NgramReferences None = new([], []);

    public NgramReference? For(ComparedRun run) => Lines.FirstOrDefault(l => l.Measures(run));
}

/// <summary>
/// The n-gram references of the compared runs' corpora (one per corpus and split), from the
/// <see cref="NgramBaselineService"/>, for the corpora whose baselines are quick to have (cached, or a
/// small corpus); the others get a note instead of a wait.
/// </summary>
public sealed class NgramReferenceLoader(NgramBaselineService baselines)
{
    /// <summary>The corpora and splits of <paramref name="runs"/>, in order of first appearance (the ones with a corpus).</summary>
    public static IReadOnlyList<(string CorpusId, double Fraction)> CorporaOf(IEnumerable<ComparedRun> runs) =>
        runs.Where(r => r.Run.HasCorpus()).Select(r => (r.Run.CorpusId, r.Run.Config.Training.ValidationFraction)).Distinct().ToList();

    public async Task<NgramReferences> LoadAsync(IReadOnlyList<(string CorpusId, double Fraction)> corpora, CancellationToken cancellationToken)
    {
        var lines = new List<NgramReference>();
        var notes = new List<string>();
        foreach (var (corpusId, fraction) in corpora)
        {
            if (!baselines.IsQuick(corpusId, fraction))
            {
                notes.Add($"No n-gram reference for {corpusId}: its index is not built yet and the corpus is large. " +
                          "Open one of its runs and press \"Compute n-gram baselines\", then come back.");
                continue;
            }
            try
            {
                var baseline = await baselines.BaselineAsync(corpusId, fraction, cancellationToken: cancellationToken);
                lines.Add(new NgramReference(corpusId, baseline.CorpusName, fraction, baseline.Best));
            }
            catch (CharRnnException ex)
            {
                notes.Add($"No n-gram reference for {corpusId}: {ex.Message}");
            }
        }
        return new NgramReferences(lines, notes);
    }
}
