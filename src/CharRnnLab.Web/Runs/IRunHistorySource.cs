using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Runs;

/// <summary>Reads a run's history (what the run view loads when it opens a run).</summary>
public interface IRunHistorySource
{
    /// <summary>
    /// The run, its loss curve (decimated to Lab:MaxChartPoints) and its training samples, read
    /// off the caller's thread. Faults with a <see cref="LabException"/> when there is no such run.
    /// </summary>
    /// <param name="runId">The run to read.</param>
    /// <param name="cancellationToken">The history is no longer wanted: reading may stop early.</param>
    Task<RunHistory> GetHistoryAsync(string runId, CancellationToken cancellationToken = default);
}
