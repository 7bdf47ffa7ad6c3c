using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Sampling;

/// <summary>Samples text from a run (the sampling panel's only dependency).</summary>
public interface ISampleSource
{
    /// <param name="temperature">0 = greedy.</param>
    /// <param name="seed">null = a random seed.</param>
    Task<SampleResult> SampleAsync(string runId, double temperature, string? prime, int length, int? seed,
        CancellationToken cancellationToken = default);

    /// <summary>The unedited and the edited continuation from one seed (null = one drawn for both) and prime.</summary>
    /// <param name="interventions">At least one edit; checked against the run's model.</param>
    Task<PairedSampleResult> SamplePairedAsync(string runId, double temperature, string? prime, int length, int? seed,
        IReadOnlyList<Intervention> interventions, CancellationToken cancellationToken = default);
}
