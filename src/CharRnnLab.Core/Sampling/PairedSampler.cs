using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;

namespace CharRnnLab.Core.Sampling;

/// <summary>
/// An unedited and an edited continuation of the same prime with the same seed, side by side.
/// <see cref="Kl"/>[n] is KL(p ‖ q) in nats between the two models' distributions (temperature 1,
/// no top-k) for character n, each conditioned on its own continuation so far.
/// </summary>
/// <param name="Plain">The unedited continuation, one symbol per generated character.</param>
/// <param name="Edited">The edited continuation, the same length.</param>
/// <param name="Kl">Per generated character, KL(p ‖ q) in nats.</param>
/// <param name="Seed">The seed both streams used (drawn when the options gave none).</param>
/// <param name="FirstDivergence">Index of the first generated character that differs; null if none does.</param>
public sealed record PairedSample(
    IReadOnlyList<SampledSymbol> Plain, IReadOnlyList<SampledSymbol> Edited, double[] Kl, int? FirstDivergence, int Seed)
{
    public string PlainText => string.Concat(Plain.Select(s => s.Symbol));
    public string EditedText => string.Concat(Edited.Select(s => s.Symbol));
    public double MeanKl => Kl.Length == 0 ? 0 : Kl.Average();
}

/// <summary>
/// Samples a model with and without interventions in lock step: two managed steppers and two
/// random streams seeded alike, so the continuations agree until an edit changes a choice.
/// Position 0 of the edits' From is the first prime character (or the start newline without a prime).
/// </summary>
public static class PairedSampler
{
    /// <summary>The paired sample; <paramref name="cancellationToken"/> is checked before each pair of characters (a front end that no longer wants the text).
    /// <paramref name="stepper"/> picks the fast stepper (<see cref="PackedRnn"/>, the edits applied by its hook); null = the plain float32 <see cref="ManagedRnn"/>.</summary>
    public static PairedSample Generate(ModelWeights weights, SampleOptions options, InterventionSet interventions,
        CancellationToken cancellationToken = default, StepperOptions? stepper = null)
    {
        Sampler.Validate(options);
        int seed = options.Seed ?? Random.Shared.Next();
        using IRnnStepper plainRnn = stepper is null ? new ManagedRnn(weights) : new PackedRnn(weights, stepper);
        using IRnnStepper editedRnn = stepper is null ? new ManagedRnn(weights, interventions) : new PackedRnn(weights, stepper, hook: interventions);
        var plain = new SamplingStream(plainRnn, new Random(seed), options);
        var edited = new SamplingStream(editedRnn, new Random(seed), options);
        var (plainSymbols, editedSymbols) = (new List<SampledSymbol>(options.Length), new List<SampledSymbol>(options.Length));
        var kl = new double[options.Length];
        int? firstDivergence = null;
        for (int n = 0; n < options.Length; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            kl[n] = KlDivergence.FromLogits(plain.Logits, edited.Logits);
            var (a, b) = (plain.Next(), edited.Next());
            plainSymbols.Add(a);
            editedSymbols.Add(b);
            if (firstDivergence is null && a.Index != b.Index) firstDivergence = n;
        }
        return new PairedSample(plainSymbols, editedSymbols, kl, firstDivergence, seed);
    }
}
