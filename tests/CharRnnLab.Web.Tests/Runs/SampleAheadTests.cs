using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>Samples prepared ahead must be exactly what sampling them on request gives (tiny model: hidden 4, vocabulary 5).</summary>
public sealed class SampleAheadTests : IDisposable
{
    private readonly SampleAhead _ahead = new(NullLogger<SampleAhead>.Instance);
    private readonly ModelWeights _weights = RandomWeights.Create(new ModelConfig(CellType.Lstm, 2, Hidden: 4), vocabulary: 5, seed: 3);

    private SampleFamily Family(int? seed = 7, int length = 60) => new("run", _weights, "", length, seed);

    private List<SampledSymbol> Cold(SampleFamily family, double temperature, StepperOptions? stepper) =>
        new Sampler(family.Weights, stepper).Generate(family.Options(temperature)).ToList();

    private static readonly StepperOptions Half = new(WeightPrecision.Float16, 1);

    [Fact]
    public async Task Every_prepared_temperature_equals_sampling_it_on_request_with_the_same_seed()
    {
        var family = Family();
        _ahead.Remember(family, 1.0, Cold(family, 1.0, Half), training: () => false);
        await _ahead.Preparing.WaitAsync(TimeSpan.FromSeconds(60));

        foreach (double t in TemperatureGrid.Values)
        {
            var prepared = _ahead.TryTake(family, t);
            Assert.NotNull(prepared);
            Assert.Equal(Cold(family, t, Half).Select(Describe), prepared.Select(Describe));
        }
        Assert.NotEqual(Text(_ahead.TryTake(family, 0.1)!), Text(_ahead.TryTake(family, 2.0)!)); // the temperatures do differ
    }

    [Fact]
    public async Task Prepared_greedy_text_equals_the_plain_float32_samplers()
    {
        var family = Family(length: 200);
        _ahead.Remember(family, 0.1, Cold(family, 0.1, Half), training: () => false);
        await _ahead.Preparing.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new Sampler(_weights).GenerateText(family.Options(0)), Text(_ahead.TryTake(family, 0)!));
    }

    [Fact]
    public async Task Nothing_is_prepared_while_a_run_trains_but_the_sample_itself_is_kept()
    {
        var family = Family();
        var sample = Cold(family, 1.0, Half);
        _ahead.Remember(family, 1.0, sample, training: () => true);
        await _ahead.Preparing.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Same(sample, _ahead.TryTake(family, 1.0));
        Assert.Null(_ahead.TryTake(family, 1.05));
    }

    [Fact]
    public async Task A_run_that_starts_training_stops_the_preparation()
    {
        var family = Family(length: 200);
        int checks = 0;
        _ahead.Remember(family, 1.0, Cold(family, 1.0, Half), training: () => ++checks > 1); // free when asked first, then training
        await _ahead.Preparing.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(TemperatureGrid.Values.Where(t => t != 1.0), t => Assert.Null(_ahead.TryTake(family, t)));
    }

    [Fact]
    public void Random_seeds_and_long_texts_are_not_kept()
    {
        var random = Family(seed: null);
        var tooLong = Family(length: SampleAhead.MaxLength + 1);
        _ahead.Remember(random, 1.0, Cold(random, 1.0, Half), training: () => false);
        _ahead.Remember(tooLong, 1.0, [], training: () => false);

        Assert.Null(_ahead.TryTake(random, 1.0));
        Assert.Null(_ahead.TryTake(tooLong, 1.0));
        Assert.True(_ahead.Preparing.IsCompleted);
    }

    [Fact]
    public async Task Another_family_or_a_clear_drops_what_was_prepared()
    {
        var first = Family(seed: 1);
        var second = Family(seed: 2);
        _ahead.Remember(first, 1.0, Cold(first, 1.0, Half), training: () => true);
        _ahead.Remember(second, 1.0, Cold(second, 1.0, Half), training: () => true);

        Assert.Null(_ahead.TryTake(first, 1.0));
        Assert.NotNull(_ahead.TryTake(second, 1.0));
        _ahead.Clear();
        Assert.Null(_ahead.TryTake(second, 1.0));
        await _ahead.Preparing;
    }

    private static string Text(IEnumerable<SampledSymbol> symbols) => string.Concat(symbols.Select(s => s.Symbol));

    private static string Describe(SampledSymbol s) =>
        $"{s.Index}:{s.Probability:R}:{string.Join(',', s.Candidates.Select(c => $"{c.Symbol}={c.Probability:R}"))}";

    public void Dispose() => _ahead.Dispose();
}
