using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Core.Tests.Sampling;

public class SamplerTests : IDisposable
{
    private readonly ModelReference _model =
        new(new ModelConfig(Hidden: 8), Vocabulary.FromText("ab c\n😀é"), seed: 11);

    private Sampler NewSampler() => new(_model.Weights);

    [Fact]
    public void Generates_exactly_the_requested_number_of_symbols()
    {
        var symbols = NewSampler().Generate(new SampleOptions(Length: 57, Seed: 1)).ToList();
        Assert.Equal(57, symbols.Count);
        Assert.All(symbols, s => Assert.Contains(s.Symbol, _model.Weights.Vocabulary.ToStrings()));
    }

    [Fact]
    public void Same_seed_gives_the_same_text_and_another_seed_differs()
    {
        string a = NewSampler().GenerateText(new SampleOptions(Length: 200, Seed: 5));
        string b = NewSampler().GenerateText(new SampleOptions(Length: 200, Seed: 5));
        string c = NewSampler().GenerateText(new SampleOptions(Length: 200, Seed: 6));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Argmax_ignores_the_seed_and_always_picks_the_most_likely_symbol()
    {
        var greedy = NewSampler().Generate(new SampleOptions(Length: 50, Temperature: 0, Seed: 1, Candidates: 3)).ToList();
        string other = NewSampler().GenerateText(new SampleOptions(Length: 50, Temperature: 0, Seed: 99));
        Assert.Equal(string.Concat(greedy.Select(s => s.Symbol)), other);
        Assert.All(greedy, s => Assert.Equal(s.Candidates[0].Symbol, s.Symbol));
    }

    [Fact]
    public void Top_k_of_one_is_greedy()
    {
        string greedy = NewSampler().GenerateText(new SampleOptions(Length: 40, Temperature: 0));
        string topOne = NewSampler().GenerateText(new SampleOptions(Length: 40, Temperature: 1.5, TopK: 1, Seed: 3));
        Assert.Equal(greedy, topOne);
    }

    [Fact]
    public void Low_temperature_concentrates_probability_high_temperature_spreads_it()
    {
        double MeanChosenProbability(double t) => NewSampler()
            .Generate(new SampleOptions(Length: 400, Temperature: t, Seed: 2)).Average(s => s.Probability);
        double cold = MeanChosenProbability(0.2), warm = MeanChosenProbability(1.0), hot = MeanChosenProbability(3.0);
        Assert.True(cold > warm && warm > hot, $"cold {cold:F3}, warm {warm:F3}, hot {hot:F3}");
    }

    [Fact]
    public void Candidates_are_sorted_and_are_probabilities()
    {
        var first = NewSampler().Generate(new SampleOptions(Length: 1, Seed: 4, Candidates: 5)).Single();
        Assert.Equal(5, first.Candidates.Count);
        Assert.True(first.Candidates.Zip(first.Candidates.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        Assert.InRange(first.Candidates.Sum(c => c.Probability), 0f, 1.0001f);
    }

    [Fact]
    public void Prime_with_unknown_symbols_names_them()
    {
        var error = Assert.Throws<CharRnnException>(() => NewSampler().GenerateText(new SampleOptions(Prime: "abXz")));
        Assert.Contains("'X'", error.Message);
        Assert.Contains("'z'", error.Message);
        Assert.Contains("prime text", error.Message);
    }

    [Fact]
    public void Prime_conditions_the_next_symbol_distribution()
    {
        float[] Next(string prime) => NewSampler()
            .Generate(new SampleOptions(Length: 1, Temperature: 1, Prime: prime, Seed: 1, Candidates: 6))
            .Single().Candidates.OrderBy(c => c.Symbol, StringComparer.Ordinal).Select(c => c.Probability).ToArray();
        Assert.NotEqual(Next("ab"), Next("😀😀é c"));
        Assert.Equal(Next("ab"), Next("ab"));
    }

    [Theory]
    [InlineData(-1.0, 10, 0)]
    [InlineData(1.0, -5, 0)]
    [InlineData(1.0, 10, -2)]
    public void Bad_options_are_refused_with_a_message(double temperature, int length, int topK)
    {
        var error = Assert.Throws<ConfigException>(() =>
            NewSampler().GenerateText(new SampleOptions(Length: length, Temperature: temperature, TopK: topK)));
        Assert.Contains("must be", error.Message);
    }

    public void Dispose() => _model.Dispose();
}
