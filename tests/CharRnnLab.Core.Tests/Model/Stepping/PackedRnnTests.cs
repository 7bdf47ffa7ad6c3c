using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Core.Tests.Fixtures;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Model.Stepping;

/// <summary>The fast stepper (packed, half precision, split across threads) against the plain ManagedRnn it replaces.</summary>
public class PackedRnnTests
{
    [Theory]
    [InlineData(CellType.Lstm, 2, 0, WeightPrecision.Float32, 1)]
    [InlineData(CellType.Lstm, 2, 3, WeightPrecision.Float32, 2)]
    [InlineData(CellType.Gru, 2, 0, WeightPrecision.Float32, 1)]
    [InlineData(CellType.Rnn, 1, 0, WeightPrecision.Float32, 1)]
    [InlineData(CellType.Lstm, 2, 0, WeightPrecision.Float16, 1)]
    [InlineData(CellType.Gru, 1, 3, WeightPrecision.Float16, 1)]
    public void Tiny_model_probabilities_match_the_plain_float32_stepper(CellType cell, int layers, int embedding,
        WeightPrecision precision, int threads)
    {
        var weights = RandomWeights.Create(new ModelConfig(cell, layers, Hidden: 4, Embedding: embedding), vocabulary: 5, seed: 7);
        float tolerance = precision == WeightPrecision.Float32 ? 1e-6f : 1e-3f;

        AssertSameProbabilities(weights, new StepperOptions(precision, threads), steps: 300, tolerance);
    }

    [Theory]
    [InlineData(WeightPrecision.Float32, 1)]
    [InlineData(WeightPrecision.Float16, 1)]
    [InlineData(WeightPrecision.Float16, 2)]
    public void Medium_model_probabilities_match_within_1e_3(WeightPrecision precision, int threads)
    {
        // Hidden 100 is no multiple of 8: the padded units and rows are exercised too.
        var weights = RandomWeights.Create(new ModelConfig(CellType.Lstm, 2, Hidden: 100), seed: 3);

        AssertSameProbabilities(weights, new StepperOptions(precision, threads), steps: 500, precision == WeightPrecision.Float32 ? 1e-5f : 1e-3f);
    }

    [Fact]
    public async Task Greedy_text_from_half_precision_is_identical_over_2000_characters()
    {
        // A trained model, since greedy text only depends on which logit is largest: random
        // weights leave near-ties (margins of 1e-4) that any rounding flips; trained ones do not.
        var corpus = CorpusLoader.FromText("dialogue", Generators.Generate(BundledCorpora.Small("dialogue")).Text);
        var training = TrainingFixtures.TinyTraining(iterations: 400) with { Batch = 16, Seq = 32, LearningRate = 0.01 };
        var weights = await TrainedWeights(corpus, new ModelConfig(CellType.Lstm, 2, Hidden: 48), training);
        var greedy = new SampleOptions(2000, Temperature: 0, Prime: "The ");

        string plain = new Sampler(weights).GenerateText(greedy);
        foreach (int threads in new[] { 1, 2 })
            Assert.Equal(plain, new Sampler(weights, new StepperOptions(WeightPrecision.Float16, threads)).GenerateText(greedy));
        Assert.True(plain.Distinct().Count() > 3, "the greedy text should not be one repeated symbol");
    }

    [Fact]
    public void A_stepper_can_be_used_again_after_its_helpers_slept()
    {
        var weights = RandomWeights.Create(new ModelConfig(CellType.Lstm, 1, Hidden: 16), vocabulary: 5);
        using var rnn = new PackedRnn(weights, new StepperOptions(WeightPrecision.Float32, 2));
        float[] first = rnn.Step(1).ToArray();
        Thread.Sleep(50); // long enough for the helper to stop spinning and block

        var plain = new ManagedRnn(weights);
        plain.Step(1);
        Assert.Equal(plain.Step(2).ToArray(), rnn.Step(2).ToArray(), new Tolerance(1e-6f));
        Assert.NotEqual(first, rnn.Step(3).ToArray());
    }

    [Fact]
    public void Bad_thread_counts_are_refused()
    {
        var weights = RandomWeights.Create(new ModelConfig(Hidden: 4), vocabulary: 5);

        var error = Assert.Throws<ConfigException>(() => new PackedRnn(weights, new StepperOptions(Threads: 0)));
        Assert.Contains("between 1 and", error.Message);
    }

    private static void AssertSameProbabilities(ModelWeights weights, StepperOptions options, int steps, float tolerance)
    {
        var plain = new ManagedRnn(weights);
        using var fast = new PackedRnn(weights, options);
        var random = new Random(11);
        int v = weights.Vocabulary.Count;
        float[] expected = new float[v], actual = new float[v];
        for (int t = 0; t < steps; t++)
        {
            int symbol = random.Next(v);
            Distribution.Softmax(plain.Step(symbol), 1.0, 0, expected);
            Distribution.Softmax(fast.Step(symbol), 1.0, 0, actual);
            for (int i = 0; i < v; i++)
                Assert.True(MathF.Abs(expected[i] - actual[i]) <= tolerance, $"step {t}, symbol {i}: {expected[i]} vs {actual[i]}");
        }
    }

    private static async Task<ModelWeights> TrainedWeights(Corpus corpus, ModelConfig model, TrainingConfig training)
    {
        using var lane = TrainingFixtures.NewLane();
        using var session = TrainingSession.Create(corpus, model, training, null, new RecordingObserver(), lane);
        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(120));
        return await session.SnapshotAsync();
    }

    private sealed class Tolerance(float epsilon) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) <= epsilon;
        public int GetHashCode(float value) => 0;
    }
}
