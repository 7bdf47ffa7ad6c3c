using CharRnnLab.Core;
using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Yardsticks;

namespace CharRnnLab.Web.Tests.Yardsticks;

/// <summary>n-gram samples in the lab against Core's (what <c>charrnn ngram --sample</c> prints).</summary>
public sealed class NgramSampleServiceTests(YardstickLab lab) : IClassFixture<YardstickLab>
{
    private NgramSampleService Service => lab.Lab.Service<NgramSampleService>();

    [Theory]
    [InlineData(5, 0.8, false)]
    [InlineData(10, 1.0, true)]
    [InlineData(3, 0.0, false)]
    public async Task A_seeded_sample_is_Cores_sample_of_the_training_split(int order, double temperature, bool unsmoothed)
    {
        var options = new NgramSampleOptions(order, 300, temperature, unsmoothed, Seed: 3);

        string text = await Service.SampleAsync(lab.CorpusId, YardstickLab.Fraction, options);

        Assert.Equal(NgramBaselines.Sample(lab.Corpus, YardstickLab.Fraction, options), text);
        Assert.Equal(300, text.EnumerateRunes().Count());
    }

    [Fact]
    public async Task The_run_samplers_limits_hold()
    {
        var refusal = await Assert.ThrowsAnyAsync<CharRnnException>(() =>
            Service.SampleAsync(lab.CorpusId, YardstickLab.Fraction, new NgramSampleOptions(5, 6000, 1.0)));

        Assert.Contains("Length must be between 1 and 5000", refusal.Message);
    }

    [Fact]
    public async Task An_order_past_twenty_is_refused_with_Cores_message()
    {
        var refusal = await Assert.ThrowsAnyAsync<CharRnnException>(() =>
            Service.SampleAsync(lab.CorpusId, YardstickLab.Fraction, new NgramSampleOptions(21, 10, 1.0)));

        Assert.Contains("between 1 and 20", refusal.Message);
    }
}
