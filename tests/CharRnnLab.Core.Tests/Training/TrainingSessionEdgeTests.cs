using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Training;
using TorchSharp;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Training;

/// <summary>
/// Edges of a session's life: resuming from the checkpoint file itself, an observer that throws,
/// a configured thread count other than its lane's.
/// </summary>
public class TrainingSessionEdgeTests
{
    [Fact]
    public async Task Resuming_from_the_checkpoint_file_path_saves_back_into_its_directory()
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(5), dir.Path);
        string file = CheckpointFile.PathFor(dir.Path);

        using var lane = NewLane();
        using var session = TrainingSession.FromCheckpoint(file, RepetitiveCorpus(), new RecordingObserver(), TinyTraining(9), lane);
        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(TrainingState.Completed, session.State);
        Assert.Equal(9, CheckpointFile.ReadMetadata(dir.Path).Iteration);
    }

    [Fact]
    public async Task An_observer_that_throws_on_running_fails_the_run_instead_of_hanging_it()
    {
        using var lane = NewLane();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(5), null, new ThrowsOnRunning(), lane);
        session.Start();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.IsNotType<TimeoutException>(error);
        Assert.Equal(TrainingState.Failed, session.State);
    }

    [Fact]
    public async Task A_run_leaves_the_thread_count_to_its_lane()
    {
        using var lane = new ComputeLane(threads: 1, name: "test-lane");
        var observer = await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(3) with { Threads = 2 }, lane: lane);

        Assert.Equal(TrainingState.Completed, observer.States[^1].State);
        Assert.Equal(1, lane.Threads);
        Assert.Equal(lane.Threads, await lane.Run(torch.get_num_threads));
    }

    private sealed class ThrowsOnRunning : ITrainingObserver
    {
        public void OnProgress(TrainingProgress progress) { }
        public void OnSample(TrainingSample sample) { }
        public void OnCheckpoint(CheckpointSaved saved) { }
        public void OnStateChanged(TrainingStateChange change)
        {
            if (change.State == TrainingState.Running) throw new InvalidOperationException("observer failed");
        }
    }
}
