using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Sampling;

/// <summary>Samples text from a run (the sampling panel's only dependency).</summary>
public interface ISampleSource
{
    /// <param name="temperature">0 = greedy.</param>
    /// <param name="seed">null = a random seed.</param>
    Task<SampleResult> SampleAsync(string runId, double temperature, string? prime, int length, int? seed,
        CancellationToken cancellationToken = default);
}
