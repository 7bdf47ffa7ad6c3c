using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Training;

/// <summary>
/// One training run, driven from any thread. The loop runs on a <see cref="ComputeLane"/> as
/// one lane job per iteration, each posting the next: jobs queued meanwhile (snapshots,
/// sampling) run between iterations, and a paused run holds no thread at all.
/// Pause, Resume and Cancel take effect before the next iteration starts. Progress goes to the
/// <see cref="ITrainingObserver"/>, on the lane thread. The run uses its lane's libtorch thread
/// count (<see cref="ComputeLane.Threads"/>); the session never changes it, so whoever wants
/// <see cref="TrainingConfig.Threads"/> creates the lane with it (as charrnn train does).
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private readonly TrainingLoop _loop;
    private readonly ITrainingObserver _observer;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private TrainingState _state = TrainingState.Idle;
    private bool _pauseRequested, _cancelRequested, _disposed;

    private TrainingSession(TrainingLoop loop, ITrainingObserver observer, ComputeLane lane, ModelConfig model, TrainingConfig training)
    {
        _loop = loop;
        _observer = observer;
        Lane = lane;
        Model = model;
        Training = training;
    }

    /// <summary>Starts a new run. Configuration, corpus and device problems throw here, before anything runs.</summary>
    /// <param name="corpus">The text to train on (its tail is the validation split).</param>
    /// <param name="model">The model's shape.</param>
    /// <param name="training">Everything else about the run.</param>
    /// <param name="checkpointDirectory">Where checkpoints go (null: none). Must not already hold a checkpoint.</param>
    /// <param name="observer">Receives progress, samples, state changes and checkpoints, on the lane thread.</param>
    /// <param name="lane">Where the libtorch work runs; <see cref="ComputeLane.Shared"/> when null.</param>
    /// <param name="path">How steps compute gradients; <see cref="StepPath.Autograd"/> only to compare against the plain path.</param>
    public static TrainingSession Create(Corpus corpus, ModelConfig model, TrainingConfig training, string? checkpointDirectory,
        ITrainingObserver observer, ComputeLane? lane = null, StepPath path = StepPath.Automatic)
    {
        model.Validate();
        training.Validate();
        string device = ComputeDevice.Resolve(training.Device);
        if (checkpointDirectory is not null && File.Exists(checkpointDirectory))
            throw new CheckpointException(
                $"{Path.GetFullPath(checkpointDirectory)} is a file; checkpoints are written into a directory. Choose a directory path.");
        if (checkpointDirectory is not null && CheckpointFile.Exists(checkpointDirectory))
            throw new CheckpointException(
                $"{CheckpointFile.PathFor(checkpointDirectory)} already exists. " +
                "A new run never overwrites a checkpoint: resume it, or choose another directory.");
        var loader = NewLoader(corpus, training);
        lane ??= ComputeLane.Shared;
        var loop = lane.Run(() => new TrainingLoop(
            TrainingRun.Create(model, training, loader, corpus.Vocabulary.Count, ComputeDevice.ToTorch(device), path),
            corpus, ResumeState.Fingerprint(corpus), model, training, loader, device, checkpointDirectory, observer, null, null))
            .GetAwaiter().GetResult();
        return new TrainingSession(loop, observer, lane, model, training);
    }

    /// <summary>
    /// Continues the run saved in <paramref name="checkpointDirectory"/> at its iteration (a new session; not to be
    /// confused with <see cref="Resume"/>, which unpauses this one), with its
    /// optimizer state, hidden state and loader position. <paramref name="overrides"/> replaces the
    /// saved training configuration (e.g. more iterations, another learning rate); batch, seq,
    /// validation split and optimizer must stay as saved.
    /// </summary>
    public static TrainingSession FromCheckpoint(string checkpointDirectory, Corpus corpus, ITrainingObserver observer,
        TrainingConfig? overrides = null, ComputeLane? lane = null)
    {
        var checkpoint = CheckpointFile.Read(checkpointDirectory);
        // Given a checkpoint file rather than a run directory, later saves go to checkpoint.crnn beside it.
        checkpointDirectory = Path.GetDirectoryName(CheckpointFile.PathFor(checkpointDirectory))!;
        var meta = checkpoint.Metadata;
        CheckVocabulary(meta, corpus, checkpointDirectory);
        var training = overrides ?? meta.Training;
        training.Validate();
        CheckResumable(meta.Training, training, checkpointDirectory);
        string device = ComputeDevice.Resolve(training.Device);
        var loader = NewLoader(corpus, training);
        string fingerprint = ResumeState.Fingerprint(corpus);
        lane ??= ComputeLane.Shared;
        var loop = lane.Run(() => new TrainingLoop(
            TrainingRun.Restore(checkpoint, training, loader, fingerprint, ComputeDevice.ToTorch(device)),
            corpus, fingerprint, meta.Model, training, loader, device, checkpointDirectory, observer, meta, checkpoint.Resume.FirstLoss))
            .GetAwaiter().GetResult();
        return new TrainingSession(loop, observer, lane, meta.Model, training);
    }

    public ModelConfig Model { get; }
    public TrainingConfig Training { get; }
    public ComputeLane Lane { get; }
    /// <summary>Completes when the run ends: Completed or Cancelled; faults with the error when it Failed.</summary>
    public Task Completion => _completion.Task;
    public TrainingState State { get { lock (_gate) return _state; } }
    /// <summary>Iterations completed (including those before a resume).</summary>
    public int Iteration => _loop.Iteration;
    public int TotalIterations => _loop.TotalIterations;

    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state != TrainingState.Idle) throw new InvalidOperationException($"The run was already started (it is {_state}).");
            _state = TrainingState.Running;
        }
        Lane.Post(() => Step(announceRunning: true));
    }

    /// <summary>Stops before the next iteration; the state becomes Paused once the current one is done.</summary>
    public void Pause()
    {
        lock (_gate) if (_state == TrainingState.Running) _pauseRequested = true;
    }

    /// <summary>Unpauses a paused run (a checkpoint is continued by <see cref="FromCheckpoint"/> instead).</summary>
    public void Resume()
    {
        lock (_gate)
        {
            _pauseRequested = false;
            if (_state != TrainingState.Paused || _cancelRequested) return;
            _state = TrainingState.Running;
        }
        Lane.Post(() => Step(announceRunning: true));
    }

    /// <summary>Stops after the current iteration, saves a checkpoint (if the run has a directory) and ends as Cancelled.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_cancelRequested || _state is TrainingState.Completed or TrainingState.Cancelled or TrainingState.Failed) return;
            _cancelRequested = true;
            if (_state == TrainingState.Running) return; // the running loop sees the flag
        }
        Lane.Post(() => Step()); // idle or paused: nothing is queued, so queue the step that ends the run
    }

    /// <summary>A copy of the current weights, taken between iterations (or at once when not running).</summary>
    public Task<ModelWeights> SnapshotAsync()
    {
        lock (_gate) ObjectDisposedException.ThrowIf(_disposed, this);
        return Lane.Run(_loop.Snapshot);
    }

    /// <summary>
    /// One lane job: an iteration, or the pause/cancel/finish that replaces it. The first job after
    /// Start or Resume announces Running inside the try, so an observer that throws fails the run
    /// instead of leaving it Running with nothing queued.
    /// </summary>
    private void Step(bool announceRunning = false)
    {
        try
        {
            if (!ShouldIterate()) return;
            if (announceRunning) Announce(TrainingState.Running, null);
            _loop.Meter.Start();
            _loop.Iterate();
            if (_loop.Finished) { Finish(TrainingState.Completed, $"Completed {_loop.Iteration} iterations."); return; }
            Lane.Post(() => Step());
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private bool ShouldIterate()
    {
        bool pause, cancel;
        lock (_gate)
        {
            if (_state is TrainingState.Completed or TrainingState.Cancelled or TrainingState.Failed) return false;
            cancel = _cancelRequested;
            pause = _pauseRequested && !cancel;
            if (pause) { _pauseRequested = false; _state = TrainingState.Paused; }
        }
        if (cancel) { Finish(TrainingState.Cancelled, $"Cancelled at iteration {_loop.Iteration}."); return false; }
        if (pause) { _loop.Meter.Stop(); Announce(TrainingState.Paused, $"Paused at iteration {_loop.Iteration}."); return false; }
        if (!_loop.Finished) return true;
        Finish(TrainingState.Completed, $"Already at iteration {_loop.Iteration} of {_loop.TotalIterations}: nothing to do.");
        return false;
    }

    private void Finish(TrainingState state, string message)
    {
        _loop.Meter.Stop();
        _loop.SaveCheckpoint();
        lock (_gate) _state = state;
        Announce(state, message);
        _completion.TrySetResult();
    }

    private void Fail(Exception error)
    {
        _loop.Meter.Stop();
        lock (_gate) _state = TrainingState.Failed;
        string message = error is CharRnnException ? error.Message : $"Training failed unexpectedly: {error.GetType().Name}: {error.Message}";
        try { Announce(TrainingState.Failed, message); }
        finally { _completion.TrySetException(error); }
    }

    private void Announce(TrainingState state, string? message) => _observer.OnStateChanged(new TrainingStateChange(state, message));

    private static MinibatchLoader NewLoader(Corpus corpus, TrainingConfig training)
    {
        try { return new MinibatchLoader(corpus.Encoded, training.Batch, training.Seq, training.ValidationFraction); }
        catch (CorpusException ex) { throw new CorpusException($"{corpus.Describe()}: {ex.Message}", ex); }
    }

    private static void CheckVocabulary(CheckpointMetadata meta, Corpus corpus, string where)
    {
        string[] mine = corpus.Vocabulary.ToStrings();
        if (mine.SequenceEqual(meta.Vocabulary)) return;
        var added = mine.Except(meta.Vocabulary).Take(10).Select(s => Vocabulary.Describe(char.ConvertToUtf32(s, 0)));
        var missing = meta.Vocabulary.Except(mine).Take(10).Select(s => Vocabulary.Describe(char.ConvertToUtf32(s, 0)));
        throw new CheckpointException(
            $"The checkpoint in {where} was trained on '{meta.CorpusName}' with a vocabulary of {meta.Vocabulary.Length} symbols, " +
            $"but {corpus.Describe()} has {mine.Length}" +
            (added.Any() ? $" (new: {string.Join(", ", added)})" : "") + (missing.Any() ? $" (absent: {string.Join(", ", missing)})" : "") +
            ". A model can only continue on text with the same symbols: resume with the corpus it was trained on.");
    }

    private static void CheckResumable(TrainingConfig saved, TrainingConfig wanted, string where)
    {
        void Same<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
                throw new CheckpointException(
                    $"The checkpoint in {where} was trained with {name} {a}; resuming with {name} {b} is not possible " +
                    $"(the saved optimizer and hidden state depend on it). Keep {name} {a}, or start a new run.");
        }
        Same("batch", saved.Batch, wanted.Batch);
        Same("seq", saved.Seq, wanted.Seq);
        Same("validation fraction", saved.ValidationFraction, wanted.ValidationFraction);
        Same("optimizer", saved.Optimizer, wanted.Optimizer);
    }

    /// <summary>Cancels a running or paused run (saving its checkpoint) and frees its tensors on the lane.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        Cancel();
        Completion.ContinueWith(_ => Lane.Run(_loop.Dispose), TaskScheduler.Default);
    }
}
