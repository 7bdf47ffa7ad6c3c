using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Runs;

/// <summary>Whether a run knows the lab corpus it learned from: a run imported from a checkpoint whose corpus the lab lacks does not.</summary>
public static class RunCorpus
{
    /// <summary>True when the run's settings name a lab corpus.</summary>
    /// <param name="run">The run to ask about.</param>
    public static bool HasCorpus(this RunSummary run) => !string.IsNullOrEmpty(run.CorpusId);

    /// <summary>The refusal for something that needs the corpus of a run imported without one.</summary>
    /// <param name="run">The run without a corpus.</param>
    /// <param name="consequence">What cannot be done and what to do instead, e.g. "there is no validation slice to read; …".</param>
    public static LabException Missing(RunSummary run, string consequence) =>
        new($"Run '{run.Name}' was imported without its corpus ('{run.CorpusName}' is not in the lab), so {consequence}.");
}
