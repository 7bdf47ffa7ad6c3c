using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Training;

public class TrainingSessionTests
{
    [Theory]
    [InlineData(CellType.Lstm, 0)]
    [InlineData(CellType.Gru, 0)]
    [InlineData(CellType.Rnn, 0)]
    [InlineData(CellType.Lstm, 8)]
    public async Task Loss_falls_on_a_repetitive_text(CellType cell, int embedding)
    {
        var observer = await RunToEnd(RepetitiveCorpus(), TinyModel(cell, embedding: embedding), TinyTraining(60));

        double[] losses = observer.Losses;
        Assert.Equal(60, losses.Length);
        Assert.True(losses.TakeLast(5).Average() < 0.5 * losses.Take(5).Average(),
            $"loss went from {losses[0]:F3} to {losses[^1]:F3}");
        var lastValidation = observer.Progress.Last(p => p.ValidationLoss is not null).ValidationLoss!.Value;
        Assert.True(lastValidation < losses[0], $"validation loss {lastValidation:F3} did not fall below {losses[0]:F3}");
    }

    [Fact]
    public async Task Progress_reports_every_iteration_with_validation_at_eval_points()
    {
        var observer = await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(25));

        var progress = observer.Progress;
        Assert.Equal(Enumerable.Range(1, 25), progress.Select(p => p.Iteration));
        Assert.All(progress, p => Assert.Equal(25, p.TotalIterations));
        Assert.Equal([10, 20, 25], progress.Where(p => p.ValidationLoss is not null).Select(p => p.Iteration));
        Assert.All(progress, p => Assert.True(p.GradientNorm > 0 && p.LearningRate == 0.01));
        Assert.True(progress[^1].CharsPerSecond > 0);
        Assert.True(progress[^1].Elapsed > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, progress[^1].Eta);
        Assert.Equal([TrainingState.Running, TrainingState.Completed], observer.States.Select(s => s.State));
    }

    [Fact]
    public async Task Same_seed_and_config_give_the_same_losses_and_another_seed_does_not()
    {
        var config = TinyTraining(20);
        var first = await RunToEnd(RepetitiveCorpus(), TinyModel(layers: 2), config);
        var second = await RunToEnd(RepetitiveCorpus(), TinyModel(layers: 2), config);
        var otherSeed = await RunToEnd(RepetitiveCorpus(), TinyModel(layers: 2), config with { Seed = 8 });

        Assert.Equal(first.Losses, second.Losses);
        Assert.Equal(first.Progress.Select(p => p.ValidationLoss), second.Progress.Select(p => p.ValidationLoss));
        Assert.NotEqual(first.Losses, otherSeed.Losses);
    }

    [Fact]
    public async Task Cancel_stops_within_one_iteration()
    {
        using var lane = NewLane();
        var observer = new RecordingObserver();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(1_000_000), null, observer, lane);
        int cancelledAt = 0;
        observer.AfterProgress = p => { if (p.Iteration == 5) { cancelledAt = p.Iteration; session.Cancel(); } };

        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(5, cancelledAt);
        Assert.Equal(5, session.Iteration);
        Assert.Equal(TrainingState.Cancelled, session.State);
        Assert.Equal(TrainingState.Cancelled, observer.States[^1].State);
    }

    [Fact]
    public async Task Cancel_from_another_thread_takes_effect_by_the_next_iteration()
    {
        using var lane = NewLane();
        var observer = new RecordingObserver();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(1_000_000), null, observer, lane);
        session.Start();
        await observer.WaitUntil(o => o.Progress.Count >= 3);

        int before = session.Iteration;
        session.Cancel();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.InRange(session.Iteration, before, before + 1);
        Assert.Equal(TrainingState.Cancelled, session.State);
    }

    [Fact]
    public async Task Pause_holds_the_run_still_and_resume_continues_it_to_the_end()
    {
        using var lane = NewLane();
        var observer = new RecordingObserver();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(40), null, observer, lane);
        observer.AfterProgress = p => { if (p.Iteration == 4) session.Pause(); };
        session.Start();
        await observer.WaitUntil(o => o.States.Any(s => s.State == TrainingState.Paused));

        Assert.Equal(TrainingState.Paused, session.State);
        Assert.Equal(4, session.Iteration);
        await Task.Delay(200);
        Assert.Equal(4, session.Iteration);
        var weights = await session.SnapshotAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(4, weights.Iteration);

        session.Resume();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(TrainingState.Completed, session.State);
        Assert.Equal(Enumerable.Range(1, 40), observer.Progress.Select(p => p.Iteration));
        Assert.Equal(
            [TrainingState.Running, TrainingState.Paused, TrainingState.Running, TrainingState.Completed],
            observer.States.Select(s => s.State));
    }

    [Fact]
    public async Task Snapshot_during_a_run_is_taken_between_iterations()
    {
        using var lane = NewLane();
        var observer = new RecordingObserver();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(200), null, observer, lane);
        session.Start();
        await observer.WaitUntil(o => o.Progress.Count >= 2);

        var weights = await session.SnapshotAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(weights.Iteration, 2, 200);
        Assert.Equal(16, weights.Layers[0].HiddenSize);
        session.Cancel();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_huge_learning_rate_fails_the_run_with_a_divergence_message()
    {
        using var lane = NewLane();
        var observer = new RecordingObserver();
        using var session = TrainingSession.Create(
            RepetitiveCorpus(), TinyModel(), TinyTraining(200) with { LearningRate = 1e6, GradClip = 0 }, null, observer, lane);
        session.Start();

        var error = await Assert.ThrowsAsync<DivergenceException>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(TrainingState.Failed, session.State);
        Assert.Contains("diverged at iteration", error.Message);
        Assert.Contains("learning rate", error.Message);
        Assert.True(session.Iteration < 200);
        Assert.Equal(error.Message, observer.States[^1].Message);
    }

    [Fact]
    public async Task Samples_are_generated_every_sample_every_iterations_and_saved_with_the_checkpoint()
    {
        using var dir = new TempDirectory();
        var training = TinyTraining(20) with { SampleEvery = 10, SampleLength = 30, SampleTemperature = 0.5 };
        var observer = await RunToEnd(RepetitiveCorpus(), TinyModel(), training, dir.Path);

        Assert.Equal([10, 20], observer.Samples.Select(s => s.Iteration));
        Assert.All(observer.Samples, s =>
        {
            Assert.Equal(30, s.Text.EnumerateRunes().Count());
            Assert.Equal(0.5, s.Temperature);
            Assert.All(s.Text, c => Assert.Contains(c, "helo wrd."));
        });
        Assert.Equal(observer.Progress[9].TrainLoss, observer.Samples[0].TrainLoss);
        var saved = Core.Checkpoints.CheckpointFile.ReadMetadata(dir.Path).Samples;
        Assert.Equal(observer.Samples, saved);

        var again = await RunToEnd(RepetitiveCorpus(), TinyModel(), training);
        Assert.Equal(observer.Samples.Select(s => s.Text), again.Samples.Select(s => s.Text)); // seeded
    }

    [Fact]
    public void Cuda_is_used_only_when_present_and_asking_for_it_otherwise_says_what_to_do()
    {
        if (TorchSharp.torch.cuda.is_available())
        {
            Assert.Equal("cuda", ComputeDevice.Resolve("cuda"));
            Assert.Equal("cuda", ComputeDevice.Resolve("auto"));
            return;
        }
        var error = Assert.Throws<CharRnnException>(() => TrainingSession.Create(
            RepetitiveCorpus(), TinyModel(), TinyTraining() with { Device = "cuda" }, null, new RecordingObserver()));
        Assert.StartsWith("CUDA was requested but is not available", error.Message);
        Assert.Contains("--device cpu", error.Message);
        Assert.Equal("cpu", ComputeDevice.Resolve("auto"));
        Assert.Contains("cpu, cuda or auto", Assert.Throws<ConfigException>(() => ComputeDevice.Resolve("tpu")).Message);
    }

    [Fact]
    public void Start_twice_is_refused()
    {
        using var lane = NewLane();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(3), null, new RecordingObserver(), lane);
        session.Start();
        Assert.Throws<InvalidOperationException>(session.Start);
    }

    [Fact]
    public void A_text_too_short_for_one_minibatch_is_refused_at_creation()
    {
        var corpus = Core.Data.CorpusLoader.FromText("short", "abcdefghij");
        var error = Assert.Throws<CorpusException>(() =>
            TrainingSession.Create(corpus, TinyModel(), TinyTraining() with { Batch = 50, Seq = 50 }, null, new RecordingObserver()));
        Assert.Contains("corpus 'short'", error.Message);
        Assert.Contains("too short", error.Message);
    }

    [Fact]
    public void Bad_configuration_is_refused_naming_the_value()
    {
        var error = Assert.Throws<ConfigException>(() => TrainingSession.Create(
            RepetitiveCorpus(), TinyModel(), TinyTraining() with { LearningRate = -1 }, null, new RecordingObserver()));
        Assert.Contains("learning rate", error.Message);
        Assert.Throws<ConfigException>(() => TrainingSession.Create(
            RepetitiveCorpus(), TinyModel() with { Hidden = 0 }, TinyTraining(), null, new RecordingObserver()));
    }
}
