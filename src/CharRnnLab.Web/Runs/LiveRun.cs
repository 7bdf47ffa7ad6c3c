using System.Threading.Channels;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// A run that has a training session in this process. It is the session's observer: the
/// engine calls it on the compute lane, so each callback only queues the event; the run's
/// pump (see <see cref="RunPump"/>) drains the queue a few times a second.
/// </summary>
public sealed class LiveRun : ITrainingObserver
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private RunSummary _summary;
    private (int Iteration, DateTime TakenAt, ModelWeights Weights)? _snapshot;

    public LiveRun(RunSummary summary, RunHistoryBuffer history)
    {
        _summary = summary;
        History = history;
    }

    public string Id => _summary.Id;
    public RunHistoryBuffer History { get; }
    public TrainingSession Session { get; private set; } = null!;

    /// <summary>Set when the server is shutting down: the run ends as interrupted, not cancelled.</summary>
    public bool ShuttingDown { get; set; }

    public RunSummary Summary
    {
        get { lock (_lock) return _summary; }
        set { lock (_lock) _summary = value; }
    }

    public ChannelReader<object> Events => _events.Reader;

    public void Attach(TrainingSession session) => Session = session;

    /// <summary>No more events will come (the session ended).</summary>
    public void CompleteEvents() => _events.Writer.TryComplete();

    void ITrainingObserver.OnProgress(TrainingProgress progress) => _events.Writer.TryWrite(progress);
    void ITrainingObserver.OnSample(TrainingSample sample) => _events.Writer.TryWrite(sample);
    void ITrainingObserver.OnStateChanged(TrainingStateChange change) => _events.Writer.TryWrite(change);
    void ITrainingObserver.OnCheckpoint(CheckpointSaved saved) => _events.Writer.TryWrite(saved);

    /// <summary>
    /// The current weights, snapshotted between iterations. A snapshot is reused while the
    /// iteration is unchanged or for half a second, so a dragged slider doesn't copy the model
    /// for every sample.
    /// </summary>
    public async Task<ModelWeights> WeightsAsync()
    {
        lock (_lock)
        {
            if (_snapshot is { } s && (s.Iteration == Session.Iteration || DateTime.UtcNow - s.TakenAt < TimeSpan.FromMilliseconds(500)))
                return s.Weights;
        }
        var weights = await Session.SnapshotAsync();
        lock (_lock) _snapshot = (weights.Iteration, DateTime.UtcNow, weights);
        return weights;
    }
}
