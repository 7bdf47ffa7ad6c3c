using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Core.Tests.Sampling;

/// <summary>Several temperatures stepped together must give what separate runs with the same seed give.</summary>
public class TemperatureStripTests
{
    private static readonly double[] Temperatures = [0.5, 1.0, 1.5, 0];

    public static TheoryData<StepperOptions?> Steppers => new()
    {
        null,
        new StepperOptions(WeightPrecision.Float32, 1),
        new StepperOptions(WeightPrecision.Float16, 1),
        new StepperOptions(WeightPrecision.Float16, 2),
    };

    [Theory]
    [MemberData(nameof(Steppers))]
    public void Each_stream_of_a_strip_equals_a_separate_run_with_the_same_seed(StepperOptions? stepper)
    {
        var weights = RandomWeights.Create(new ModelConfig(CellType.Lstm, 2, Hidden: 20), vocabulary: 9, seed: 4);
        var sampler = new Sampler(weights, stepper);
        var options = new SampleOptions(300, Prime: "#$", Seed: 17, Candidates: 2);

        var strip = sampler.GenerateStrip(options, Temperatures).ToList();

        Assert.Equal(300, strip.Count);
        for (int k = 0; k < Temperatures.Length; k++)
        {
            var separate = sampler.Generate(options with { Temperature = Temperatures[k] }).ToList();
            Assert.Equal(separate.Select(s => (s.Index, s.Probability)), strip.Select(step => (step[k].Index, step[k].Probability)));
        }
        Assert.NotEqual(strip.Select(s => s[0].Index), strip.Select(s => s[2].Index)); // the temperatures do differ
    }

    [Fact]
    public void A_strip_without_a_prime_or_newline_starts_every_stream_from_the_same_random_symbol()
    {
        var weights = RandomWeights.Create(new ModelConfig(CellType.Gru, 1, Hidden: 8), vocabulary: 5, seed: 2);
        var sampler = new Sampler(weights, new StepperOptions(WeightPrecision.Float32));
        var options = new SampleOptions(50, Seed: 3);

        var strip = sampler.GenerateStrip(options, [0.7, 1.3]).ToList();

        Assert.Equal(sampler.GenerateText(options with { Temperature = 1.3 }), string.Concat(strip.Select(s => s[1].Symbol)));
    }

    [Fact]
    public void Bad_strips_are_refused()
    {
        var sampler = new Sampler(RandomWeights.Create(new ModelConfig(Hidden: 4), vocabulary: 5));

        Assert.Contains("1 to 16 temperatures", Assert.Throws<ConfigException>(() => sampler.GenerateStrip(new SampleOptions(), []).ToList()).Message);
        Assert.Contains("temperature must be ≥ 0", Assert.Throws<ConfigException>(() => sampler.GenerateStrip(new SampleOptions(), [1, -1]).ToList()).Message);
    }
}
