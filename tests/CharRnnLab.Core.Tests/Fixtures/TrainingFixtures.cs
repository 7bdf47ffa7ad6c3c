using System.Collections.Concurrent;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Tiny corpora and configurations: every run here takes well under a second.</summary>
internal static class TrainingFixtures
{
    /// <summary>A short, very regular text: a model learns it within a few dozen iterations.</summary>
    public static Corpus RepetitiveCorpus(int repeats = 40) =>
        CorpusLoader.FromText("tiny", string.Concat(Enumerable.Repeat("hello world. ", repeats)));

    public static ModelConfig TinyModel(CellType cell = CellType.Lstm, int layers = 1, double dropout = 0, int embedding = 0) =>
        new(cell, layers, Hidden: 16, Embedding: embedding, Dropout: dropout);

    public static TrainingConfig TinyTraining(int iterations = 30) => new()
    {
        Batch = 4,
        Seq = 8,
        LearningRate = 0.01,
        Iterations = iterations,
        EvalEvery = 10,
        EvalBatches = 0,
        CheckpointEvery = 0,
        SampleEvery = 0,
        Threads = 1,
        Seed = 7,
    };

    public static ComputeLane NewLane() => new(threads: 1, name: "test-lane");

    public static async Task<RecordingObserver> RunToEnd(Corpus corpus, ModelConfig model, TrainingConfig training,
        string? directory = null, ComputeLane? lane = null)
    {
        var observer = new RecordingObserver();
        using var ownLane = lane is null ? NewLane() : null;
        using var session = TrainingSession.Create(corpus, model, training, directory, observer, lane ?? ownLane);
        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(120));
        return observer;
    }
}

/// <summary>Collects every event; lets a test wait for a condition on them.</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    private readonly ConcurrentQueue<TrainingProgress> _progress = new();
    private readonly ConcurrentQueue<TrainingSample> _samples = new();
    private readonly ConcurrentQueue<TrainingStateChange> _states = new();
    private readonly ConcurrentQueue<CheckpointSaved> _checkpoints = new();

    /// <summary>Runs on the lane after each iteration's progress event (to act "during" an iteration).</summary>
    public Action<TrainingProgress>? AfterProgress { get; set; }

    public IReadOnlyList<TrainingProgress> Progress => _progress.ToArray();
    public IReadOnlyList<TrainingSample> Samples => _samples.ToArray();
    public IReadOnlyList<TrainingStateChange> States => _states.ToArray();
    public IReadOnlyList<CheckpointSaved> Checkpoints => _checkpoints.ToArray();
    public double[] Losses => Progress.Select(p => p.TrainLoss).ToArray();

    public void OnProgress(TrainingProgress progress)
    {
        _progress.Enqueue(progress);
        AfterProgress?.Invoke(progress);
    }

    public void OnSample(TrainingSample sample) => _samples.Enqueue(sample);
    public void OnStateChanged(TrainingStateChange change) => _states.Enqueue(change);
    public void OnCheckpoint(CheckpointSaved saved) => _checkpoints.Enqueue(saved);

    public Task WaitUntil(Func<RecordingObserver, bool> condition, double seconds = 60) =>
        Poll.UntilAsync(() => condition(this), "the expected training event", seconds, intervalMs: 5);
}
