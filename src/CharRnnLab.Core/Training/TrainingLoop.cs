using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Core.Training;

/// <summary>
/// What happens in and around one iteration: the step, the divergence check, validation,
/// progress, samples and checkpoints, and the run's history. Knows nothing of threads or run
/// states (that is <see cref="TrainingSession"/>'s job); every member runs on the compute lane.
/// </summary>
internal sealed class TrainingLoop : IDisposable
{
    private readonly TrainingRun _run;
    private readonly Corpus _corpus;
    private readonly string _corpusFingerprint;
    private readonly ModelConfig _model;
    private readonly TrainingConfig _config;
    private readonly MinibatchLoader _loader;
    private readonly LearningRateSchedule _schedule;
    private readonly DivergenceGuard _guard;
    private readonly ThroughputMeter _meter = new();
    private readonly LossHistory _history;
    private readonly SampleLog _samples;
    private readonly string? _checkpointDirectory;
    private readonly string _device;
    private readonly ITrainingObserver _observer;
    private volatile int _iteration;

    public TrainingLoop(TrainingRun run, Corpus corpus, string corpusFingerprint, ModelConfig model, TrainingConfig config,
        MinibatchLoader loader, string device, string? checkpointDirectory, ITrainingObserver observer, CheckpointMetadata? resumedFrom,
        double? firstLoss)
    {
        _run = run;
        _corpus = corpus;
        _corpusFingerprint = corpusFingerprint;
        _model = model;
        _config = config;
        _loader = loader;
        _device = device;
        _checkpointDirectory = checkpointDirectory;
        _observer = observer;
        _schedule = LearningRateSchedule.For(config, loader.TrainBatches);
        _guard = new DivergenceGuard(config.ExplodeFactor, firstLoss);
        _history = new LossHistory(resumedFrom?.History ?? []);
        _samples = new SampleLog(resumedFrom?.Samples ?? []);
        _iteration = resumedFrom?.Iteration ?? 0;
        LastCheckpoint = resumedFrom?.Iteration ?? 0;
        TotalIterations = config.TotalIterations(loader.TrainBatches);
    }

    public int Iteration => _iteration;
    public int TotalIterations { get; }
    public bool Finished => _iteration >= TotalIterations;
    /// <summary>Iteration of the last checkpoint written (or resumed from); 0 if none.</summary>
    public int LastCheckpoint { get; private set; }
    public ThroughputMeter Meter => _meter;

    /// <summary>Runs one iteration and everything scheduled after it.</summary>
    public void Iterate()
    {
        int iteration = _iteration + 1;
        double learningRate = _schedule.At(iteration);
        var step = _run.Step(learningRate);
        _guard.Check(iteration, step.Loss, step.GradientNorm, learningRate, LastCheckpoint);
        double? validation = TrainingConfig.Due(_config.EvalEvery, iteration) || (iteration == TotalIterations && _config.EvalEvery > 0)
            ? _run.Evaluate(_config.EvalBatches)
            : null;
        _iteration = iteration;
        _history.Add(new LossPoint(iteration, step.Loss, validation));
        _meter.Record(_loader.SymbolsPerBatch);
        _observer.OnProgress(new TrainingProgress(
            iteration, TotalIterations, (double)iteration / _loader.TrainBatches, step.Loss, validation, learningRate,
            step.GradientNorm, _meter.SymbolsPerSecond, _meter.Elapsed, _meter.Eta(TotalIterations - iteration)));
        if (_config.SamplesAfter(iteration)) Sample(iteration, step.Loss);
        if (TrainingConfig.Due(_config.CheckpointEvery, iteration) && iteration < TotalIterations) SaveCheckpoint();
    }

    public ModelWeights Snapshot() => _run.Snapshot(_corpus.Vocabulary, _iteration);

    /// <summary>Writes a checkpoint of the current state, if this run has a directory and
    /// iterations not saved yet.</summary>
    public void SaveCheckpoint()
    {
        if (_checkpointDirectory is null || LastCheckpoint == _iteration) return;
        var (optimizer, state) = _run.CaptureState(_corpusFingerprint, _guard.FirstLoss);
        var metadata = new CheckpointMetadata(
            CheckpointFile.FormatVersion, _model, _config, _corpus.Vocabulary.ToStrings(), _iteration, _corpus.Name,
            _history.ToArray(), _samples.ToArray(), DateTimeOffset.Now, _device);
        string path = CheckpointFile.Write(_checkpointDirectory, new CheckpointContent(metadata, Snapshot(), optimizer, state));
        LastCheckpoint = _iteration;
        _observer.OnCheckpoint(new CheckpointSaved(_iteration, path));
    }

    private void Sample(int iteration, double trainLoss)
    {
        var options = new SampleOptions(_config.SampleLength, _config.SampleTemperature, Seed: _config.Seed + iteration);
        string text = new Sampler(Snapshot()).GenerateText(options);
        var sample = new TrainingSample(iteration, _config.SampleTemperature, text, trainLoss);
        _samples.Add(sample);
        _observer.OnSample(sample);
    }

    public void Dispose() => _run.Dispose();
}
