using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Web.Contracts;

/// <summary>
/// The unedited and the edited continuation of one prime, sampled in lock step from the same seed
/// (Core's <see cref="PairedSample"/>), as the hub's SampleEdited returns it and the sampling panel shows it.
/// </summary>
/// <param name="Iteration">The training iteration of the weights sampled from.</param>
/// <param name="Seed">The seed both continuations used (drawn once when none was given).</param>
/// <param name="Interventions">The edits, each as the CLI writes it ("clamp 1:c:62=-0.76@13").</param>
/// <param name="FirstDivergence">Index of the first generated character that differs; null if none does.</param>
/// <param name="Kl">Per generated character, KL(unedited ‖ edited) in nats of the next-character
/// distributions (temperature 1, no top-k); as long as each continuation.</param>
public sealed record PairedSampleResult(
    string RunId,
    int Iteration,
    double Temperature,
    string Prime,
    int Seed,
    IReadOnlyList<string> Interventions,
    SampledContinuation Unedited,
    SampledContinuation Edited,
    int? FirstDivergence,
    IReadOnlyList<double> Kl,
    double MeanKl);

/// <summary>One continuation: its text and each symbol with its probability and top candidates.</summary>
public sealed record SampledContinuation(string Text, IReadOnlyList<SampledSymbol> Symbols);
