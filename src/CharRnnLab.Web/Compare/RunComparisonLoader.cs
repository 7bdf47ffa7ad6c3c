using CharRnnLab.Core;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Compare;

/// <summary>The runs a Compare page shows, and why any asked-for run is missing.</summary>
public sealed record RunComparison(IReadOnlyList<ComparedRun> Runs, IReadOnlyList<string> Problems)
{
    public static readonly RunComparison Empty = new([], []);
}

/// <summary>
/// Reads the runs to compare: each one's decimated history (<see cref="IRunHistorySource"/>, off
/// the caller's thread) and vocabulary size. A run that cannot be read becomes a problem message;
/// the others are still compared.
/// </summary>
public sealed class RunComparisonLoader(IRunHistorySource histories, RunVocabulary vocabulary)
{
    public async Task<RunComparison> LoadAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        var runs = new List<ComparedRun>();
        var problems = new List<string>();
        foreach (var id in runIds)
        {
            try
            {
                var history = await histories.GetHistoryAsync(id, cancellationToken);
                var size = await Task.Run(() => vocabulary.SizeOf(history.Run), cancellationToken);
                runs.Add(new ComparedRun(history.Run, history.Progress, size, history.BestValidationLoss));
            }
            catch (CharRnnException ex)
            {
                problems.Add(ex.Message);
            }
        }
        return new RunComparison(runs, problems);
    }
}
