using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Core.Tests.Yardsticks.Ngrams;

public class NgramScorerTests
{
    [Fact]
    public void The_score_is_the_mean_loss_of_each_validation_symbol_given_the_text_before_it()
    {
        var (corpus, text) = KneserNeyTests.TinyCorpus(seed: 8, length: 500);
        var index = NgramIndex.Build(corpus, 0.1);
        var model = new KneserNey(index);

        var scores = NgramScorer.Score(index, corpus.Encoded, 4);

        Assert.Equal((450, 50), (index.TrainLength, index.ValidationLength)); // the runs' split: MinibatchLoader.SplitLengths
        for (int order = 1; order <= 4; order++)
        {
            double expected = Enumerable.Range(450, 50).Average(i => -Math.Log(model.Probability(text[Math.Max(0, i - order + 1)..i], text[i], order)));
            Assert.Equal(expected, scores[order - 1].Nats, 12);
            Assert.Equal(expected / Math.Log(2), scores[order - 1].Bits, 12);
        }
    }

    [Fact]
    public void Longer_contexts_predict_a_repetitive_text_better()
    {
        var corpus = CorpusLoader.FromText("verse", string.Concat(Enumerable.Repeat("the cat sat on the mat. ", 40)));

        var scores = NgramBaselines.Evaluate(corpus, 0.1, 1, 6).Orders;

        Assert.True(scores[0].Nats > scores[2].Nats && scores[2].Nats > scores[5].Nats, string.Join(", ", scores.Select(s => s.Nats)));
    }

    [Fact]
    public void Without_a_validation_split_there_is_nothing_to_score()
    {
        var (corpus, _) = KneserNeyTests.TinyCorpus(seed: 8, length: 100);

        var error = Assert.Throws<ConfigException>(() => NgramBaselines.Evaluate(corpus, 0, 1, 3));

        Assert.Contains("validation fraction is 0", error.Message);
    }
}
