using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Core.Tests.Yardsticks.Ngrams;

public class NgramSamplerTests
{
    private static NgramSampler Sampler(string text)
    {
        var corpus = CorpusLoader.FromText("t", text);
        return new NgramSampler(NgramIndex.Build(corpus, 0), corpus.Vocabulary);
    }

    [Fact]
    public void The_unsmoothed_model_reproduces_a_text_whose_contexts_are_unique()
    {
        // Each symbol of "abcdefgh" has one follower; after h (seen only at the end) it backs off to the unigram.
        var sampler = Sampler("abcdefgh");

        string greedy = sampler.Generate(new NgramSampleOptions(2, 16, Temperature: 0, Unsmoothed: true));

        Assert.Equal("abcdefghabcdefgh", greedy);
        for (int seed = 0; seed < 10; seed++)
        {
            string sample = sampler.Generate(new NgramSampleOptions(2, 30, Unsmoothed: true, Seed: seed));
            for (int i = 0; i + 1 < sample.Length; i++)
                if (sample[i] != 'h') Assert.Equal((char)(sample[i] + 1), sample[i + 1]);
        }
    }

    [Fact]
    public void Maximum_likelihood_backs_off_to_the_longest_context_seen_followed()
    {
        var sampler = Sampler("abcab");
        var p = new double[3];

        sampler.MaximumLikelihood([2, 0], p);   // "ca" is followed by b once
        Assert.Equal([0, 1, 0], p);
        sampler.MaximumLikelihood([0, 1], p);   // "ab" at the end is not followed: "ab" → c only (the first ab)
        Assert.Equal([0, 0, 1], p);
        sampler.MaximumLikelihood([1, 1], p);   // "bb" unseen, "b" followed by c once
        Assert.Equal([0, 0, 1], p);
        sampler.MaximumLikelihood([], p);       // unigram 2/5, 2/5, 1/5
        Assert.Equal([0.4, 0.4, 0.2], p);
    }

    [Fact]
    public void A_smoothed_sample_repeats_with_its_seed_and_uses_the_vocabulary()
    {
        var sampler = Sampler("the cat sat on the mat with a hat");

        string a = sampler.Generate(new NgramSampleOptions(3, 100, Temperature: 0.8, Seed: 5));
        string b = sampler.Generate(new NgramSampleOptions(3, 100, Temperature: 0.8, Seed: 5));

        Assert.Equal(a, b);
        Assert.Equal(100, a.Length);
        Assert.All(a, c => Assert.Contains(c, "the cat sat on the mat with a hat"));
    }

    [Fact]
    public void An_order_outside_1_to_20_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Sampler("abc").Generate(new NgramSampleOptions(21, 5)));

        Assert.Contains("between 1 and 20", error.Message);
    }
}
