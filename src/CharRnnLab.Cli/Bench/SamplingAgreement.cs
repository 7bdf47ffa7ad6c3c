using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Cli.Bench;

/// <summary>How far the half-precision stepper is from the plain float32 one on a real model.</summary>
/// <param name="Characters">Length of the greedy texts compared.</param>
/// <param name="GreedyIdentical">Whether both greedy texts are the same.</param>
/// <param name="MaxProbabilityDifference">Largest |p − p'| over every symbol at every step of the plain greedy text.</param>
internal sealed record SamplingAgreement(int Characters, bool GreedyIdentical, double MaxProbabilityDifference)
{
    public static SamplingAgreement Measure(ModelWeights weights, int characters = 2000)
    {
        var greedy = new SampleOptions(characters, Temperature: 0);
        var plainText = new Sampler(weights).Generate(greedy).Select(s => s.Index).ToArray();
        var fastText = new Sampler(weights, new StepperOptions(WeightPrecision.Float16)).Generate(greedy).Select(s => s.Index).ToArray();

        var plain = new ManagedRnn(weights);
        using var fast = new PackedRnn(weights, new StepperOptions(WeightPrecision.Float16));
        int v = weights.Vocabulary.Count;
        float[] p = new float[v], q = new float[v];
        double worst = 0;
        foreach (int symbol in plainText)
        {
            Distribution.Softmax(plain.Step(symbol), 1.0, 0, p);
            Distribution.Softmax(fast.Step(symbol), 1.0, 0, q);
            for (int i = 0; i < v; i++) worst = Math.Max(worst, Math.Abs(p[i] - q[i]));
        }
        return new SamplingAgreement(characters, plainText.SequenceEqual(fastText), worst);
    }
}
