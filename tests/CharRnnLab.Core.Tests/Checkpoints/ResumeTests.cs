using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Training;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Checkpoints;

[Collection(nameof(ExclusiveTorchRng))]
public class ResumeTests
{
    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.RmsProp)]
    public async Task Resuming_after_n_iterations_equals_running_straight_through(OptimizerKind optimizer)
    {
        // Dropout (RNG state), 2 layers (carried hidden state) and 3 epochs (cursor wrap) all cross the resume point.
        var corpus = RepetitiveCorpus(14);
        var model = TinyModel(layers: 2, dropout: 0.25);
        var full = TinyTraining(14) with { Optimizer = optimizer, EvalEvery = 3, DecayEvery = 4, DecayAfter = 2, LearningRateDecay = 0.5 };
        Assert.InRange(new MinibatchLoader(corpus.Encoded, full.Batch, full.Seq, full.ValidationFraction).TrainBatches, 3, 5);

        using var straightDir = new TempDirectory();
        var straight = await RunToEnd(corpus, model, full, straightDir.Path);

        using var dir = new TempDirectory();
        await RunToEnd(corpus, model, full with { Iterations = 8 }, dir.Path);
        var resumed = new RecordingObserver();
        using (var lane = NewLane())
        using (var session = TrainingSession.FromCheckpoint(dir.Path, corpus, resumed, full, lane))
        {
            Assert.Equal(8, session.Iteration);
            session.Start();
            await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal(Enumerable.Range(9, 6), resumed.Progress.Select(p => p.Iteration));
        Assert.Equal(straight.Losses[8..], resumed.Losses);
        Assert.Equal(straight.Progress.Skip(8).Select(p => p.ValidationLoss), resumed.Progress.Select(p => p.ValidationLoss));
        Assert.Equal(straight.Progress.Skip(8).Select(p => p.LearningRate), resumed.Progress.Select(p => p.LearningRate));
        var meta = CheckpointFile.ReadMetadata(dir.Path);
        Assert.Equal(14, meta.Iteration);
        Assert.Equal(straight.Losses, meta.History.Select(p => p.TrainLoss));
        Assert.Equal(CheckpointFile.LoadWeights(straightDir.Path).HeadWeight, CheckpointFile.LoadWeights(dir.Path).HeadWeight);
    }

    [Fact]
    public async Task Divergence_after_a_resume_keeps_the_last_good_checkpoint()
    {
        using var dir = new TempDirectory();
        var corpus = RepetitiveCorpus();
        await RunToEnd(corpus, TinyModel(), TinyTraining(6), dir.Path);
        byte[] good = File.ReadAllBytes(Path.Combine(dir.Path, CheckpointFile.FileName));

        var observer = new RecordingObserver();
        using var lane = NewLane();
        using var session = TrainingSession.FromCheckpoint(dir.Path, corpus, observer,
            TinyTraining(200) with { LearningRate = 1e6, GradClip = 0, CheckpointEvery = 1 }, lane);
        session.Start();
        var error = await Assert.ThrowsAsync<DivergenceException>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(TrainingState.Failed, session.State);
        Assert.Contains("checkpoint", error.Message);
        var weights = CheckpointFile.LoadWeights(dir.Path);
        Assert.True(weights.HeadWeight.All(float.IsFinite) && weights.Layers.All(l => l.WeightHh.All(float.IsFinite)));
        Assert.True(CheckpointFile.ReadMetadata(dir.Path).History.All(p => double.IsFinite(p.TrainLoss)));
        if (observer.Checkpoints.Count == 0) Assert.Equal(good, File.ReadAllBytes(Path.Combine(dir.Path, CheckpointFile.FileName)));
    }
}

public class ResumeRefusalTests
{
    [Fact]
    public async Task A_corpus_with_another_vocabulary_is_refused_and_nothing_is_overwritten()
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(3), dir.Path);
        byte[] before = File.ReadAllBytes(Path.Combine(dir.Path, CheckpointFile.FileName));
        var other = CorpusLoader.FromText("other", string.Concat(Enumerable.Repeat("hello world! ", 40)));

        var error = Assert.Throws<CheckpointException>(() => TrainingSession.FromCheckpoint(dir.Path, other, new RecordingObserver()));

        Assert.Contains("vocabulary", error.Message);
        Assert.Contains("'!' (U+0021)", error.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir.Path, CheckpointFile.FileName)));
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("seq")]
    [InlineData("optimizer")]
    public async Task Changing_what_the_saved_state_depends_on_is_refused(string field)
    {
        using var dir = new TempDirectory();
        var saved = TinyTraining(3);
        await RunToEnd(RepetitiveCorpus(), TinyModel(), saved, dir.Path);
        var changed = field switch
        {
            "batch" => saved with { Batch = 3 },
            "seq" => saved with { Seq = 6 },
            _ => saved with { Optimizer = OptimizerKind.RmsProp },
        };

        var error = Assert.Throws<CheckpointException>(() => TrainingSession.FromCheckpoint(dir.Path, RepetitiveCorpus(), new RecordingObserver(), changed));
        Assert.Contains($"trained with {field}", error.Message);
    }

    [Fact]
    public async Task A_new_run_never_overwrites_an_existing_checkpoint()
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(3), dir.Path);
        byte[] before = File.ReadAllBytes(Path.Combine(dir.Path, CheckpointFile.FileName));

        var error = Assert.Throws<CheckpointException>(() =>
            TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(3), dir.Path, new RecordingObserver()));

        Assert.Contains("already exists", error.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir.Path, CheckpointFile.FileName)));
    }

    [Fact]
    public async Task Resuming_a_finished_run_without_more_iterations_completes_at_once()
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(3), dir.Path);
        var observer = new RecordingObserver();
        using var lane = NewLane();
        using var session = TrainingSession.FromCheckpoint(dir.Path, RepetitiveCorpus(), observer, lane: lane);

        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TrainingState.Completed, session.State);
        Assert.Empty(observer.Progress);
        Assert.Contains("nothing to do", observer.States[^1].Message);
    }
}
