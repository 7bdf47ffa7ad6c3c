using System.Diagnostics;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Cli.Bench;

/// <summary>
/// Sampling with an intervention against plain sampling, both on the packed half-precision stepper on one
/// thread (the lab's stepper while a run trains; its hook applies the edits): a paired sample (`charrnn sample --clamp`, the lab's side-by-side view) steps the unedited
/// and the edited model and computes the KL per character, so per stream it is compared with one plain stream.
/// </summary>
/// <param name="PairsPerSecond">Characters per second of each continuation of a paired sample with one clamp.</param>
/// <param name="PlainPerSecond">Characters per second of plain sampling, same stepper.</param>
internal sealed record InterventionSampling(double PairsPerSecond, double PlainPerSecond)
{
    /// <summary>Per stream, paired over plain: 1 when an edit and the KL cost nothing (the issue asks ≥ 0.9).</summary>
    public double PerStreamRatio => 2 * PairsPerSecond / PlainPerSecond;

    /// <summary>Best of <paramref name="rounds"/> alternating rounds of each, so a busy machine slows both alike.</summary>
    public static InterventionSampling Measure(ModelWeights weights, int length, int rounds = 3)
    {
        var edits = new InterventionSet(weights.Config, [new Intervention(0, 0, InterventionTarget.Hidden, InterventionAction.Clamp, 0.5f)]);
        var stepper = new StepperOptions(WeightPrecision.Float16, Threads: 1);
        var plain = new Sampler(weights, stepper);
        double pairs = 0, single = 0;
        for (int round = 0; round < rounds; round++)
        {
            pairs = Math.Max(pairs, Rate(length, (n, seed) => PairedSampler.Generate(weights, new SampleOptions(n, Seed: seed), edits, stepper: stepper).Kl.Length));
            single = Math.Max(single, Rate(length, (n, seed) => plain.Generate(new SampleOptions(n, Seed: seed)).Count()));
        }
        return new InterventionSampling(pairs, single);
    }

    /// <summary>Characters per second of <paramref name="run"/> after a short warm-up run (the JIT).</summary>
    private static double Rate(int length, Func<int, int, int> run)
    {
        run(Math.Min(50, length), 1);
        var clock = Stopwatch.StartNew();
        run(length, 2);
        return length / clock.Elapsed.TotalSeconds;
    }
}
