using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Training;

/// <summary>One step's numbers, read back from the device in a single sync.</summary>
internal readonly record struct StepResult(double Loss, double GradientNorm);

/// <summary>
/// The libtorch side of a run: model, optimizer, the corpus as device tensors, and the hidden
/// state carried between minibatches. Every member must be called on the compute lane.
/// The splits are uploaded once as (streams, columns) int64 tensors; a minibatch is two
/// narrow() views of them, so an iteration creates no input tensors of its own.
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    private readonly CharRnnModel _model;
    private readonly OptimizerHelper _optimizer;
    private readonly Parameter[] _parameters;
    private readonly MinibatchLoader _loader;
    private readonly Tensor _train;       // (B, TrainBatches·T + 1)
    private readonly Tensor? _validation; // (Bv, ValidationBatches·T + 1)
    private readonly double _gradClip;
    private readonly ExplicitLstmStep? _explicitStep; // null: autograd
    private RecurrentState _hidden;       // (L, B, H), detached

    private TrainingRun(CharRnnModel model, TrainingConfig config, MinibatchLoader loader, Device device, StepPath path)
    {
        _model = model.to(device);
        _model.train();
        _explicitStep = path == StepPath.Automatic && ExplicitLstmStep.Fits(_model) ? new ExplicitLstmStep(_model) : null;
        _parameters = _model.parameters().ToArray();
        _optimizer = config.Optimizer == OptimizerKind.RmsProp
            ? new RMSProp(_parameters, config.LearningRate, alpha: 0.95, eps: 1e-8) // char-rnn's rmsprop decay
            : new Adam(_parameters, config.LearningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8);
        _loader = loader;
        _gradClip = config.GradClip;
        _train = ToTensor(loader.Train, device);
        _validation = loader.Validation is null ? null : ToTensor(loader.Validation, device);
        _hidden = _model.ZeroState(loader.Batch);
    }

    /// <summary>Where the next training minibatch comes from (0..TrainBatches-1).</summary>
    public int BatchCursor { get; private set; }

    /// <summary>A fresh run. Also seeds torch's process-wide RNG, which dropout draws from: runs with
    /// dropout are reproducible when no other torch work in the process draws from it meanwhile.</summary>
    public static TrainingRun Create(ModelConfig model, TrainingConfig config, MinibatchLoader loader, int vocabularySize, Device device,
        StepPath path = StepPath.Automatic)
    {
        torch.random.manual_seed(config.Seed);
        return new(new CharRnnModel(model, vocabularySize, config.Seed), config, loader, device, path);
    }

    /// <summary>Rebuilds a run from a checkpoint. The cursor and hidden state are kept only when
    /// the corpus is the one the checkpoint was trained on (same fingerprint).</summary>
    public static TrainingRun Restore(CheckpointContent checkpoint, TrainingConfig config, MinibatchLoader loader,
        string corpusFingerprint, Device device)
    {
        var run = new TrainingRun(CharRnnModel.FromWeights(checkpoint.Weights), config, loader, device, StepPath.Automatic);
        try
        {
            run.LoadOptimizer(checkpoint.OptimizerState);
            var state = checkpoint.Resume;
            if (state.CorpusFingerprint == corpusFingerprint && state.HiddenStreams == loader.Batch && state.BatchCursor < loader.TrainBatches)
            {
                run._hidden.Dispose();
                run._hidden = RecurrentState.FromArrays(checkpoint.Weights.Config, loader.Batch, state.HiddenH, state.HiddenC, device);
                run.BatchCursor = state.BatchCursor;
            }
            if (state.RngState.Length > 0)
                using (var rng = torch.tensor(state.RngState)) torch.random.set_rng_state(rng);
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>Whether steps use <see cref="ExplicitLstmStep"/> (otherwise autograd).</summary>
    public bool ExplicitStep => _explicitStep is not null;

    /// <summary>One training iteration on the minibatch at the cursor; advances the cursor.</summary>
    /// <param name="learningRate">This iteration's rate.</param>
    /// <param name="clock">Times the step's sections, for the bench's profile; null in training.</param>
    public StepResult Step(double learningRate, SectionClock? clock = null)
    {
        using var scope = torch.NewDisposeScope();
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = learningRate;
        var (inputs, targets) = Minibatch(_train, BatchCursor);      // (B, T) each
        _optimizer.zero_grad();
        clock?.Lap(ZeroSection);
        var (loss, next) = _explicitStep?.Run(inputs, targets, _hidden, clock) ?? AutogradLoss(inputs, targets, clock); // ()
        var norm = ClipGradients();                                   // ()
        clock?.Lap(ClipSection);
        _optimizer.step();
        clock?.Lap(OptimizerSection);
        // One device→host copy for both numbers: the only sync per iteration.
        var numbers = torch.stack([loss.detach(), norm]).cpu().data<float>();
        var result = new StepResult(numbers[0], numbers[1]);

        _hidden.Dispose();
        _hidden = next.DetachForNextBatch();
        if (++BatchCursor == _loader.TrainBatches)
        {
            // Each stream's end is not followed by its own start: begin the next epoch from zero state.
            BatchCursor = 0;
            _hidden.Dispose();
            _hidden = _model.ZeroState(_loader.Batch);
        }
        clock?.Lap(ReadBackSection);
        return result;
    }

    /// <summary>The profile's section names.</summary>
    public const string ZeroSection = "zero gradients", ClipSection = "gradient norm and clipping", OptimizerSection = "optimizer",
        ReadBackSection = "loss read-back, carried state",
        ForwardSection = "forward (nn.LSTM and head)", LossSection = "loss", BackwardSection = "backward (autograd)";

    /// <summary>The plain step: forward through the model, backward by autograd.</summary>
    private (Tensor Loss, RecurrentState Next) AutogradLoss(Tensor inputs, Tensor targets, SectionClock? clock)
    {
        var (logits, next) = _model.call(inputs, _hidden);            // (B, T, V)
        clock?.Lap(ForwardSection);
        var loss = CrossEntropy(logits, targets);                     // ()
        clock?.Lap(LossSection);
        loss.backward();
        clock?.Lap(BackwardSection);
        return (loss, next);
    }

    /// <summary>Mean validation loss (nats) over the first <paramref name="maxBatches"/> validation
    /// minibatches (0 = all), from a zero state; null when there is no validation split.</summary>
    public double? Evaluate(int maxBatches)
    {
        if (_validation is null) return null;
        int batches = maxBatches > 0 ? Math.Min(maxBatches, _loader.ValidationBatches) : _loader.ValidationBatches;
        _model.eval();
        RecurrentState? state = null;
        try
        {
            using var noGrad = torch.no_grad();
            state = _model.ZeroState(_loader.ValidationStreams);
            double sum = 0;
            for (int k = 0; k < batches; k++)
            {
                using var scope = torch.NewDisposeScope();
                var (inputs, targets) = Minibatch(_validation, k);
                var (logits, next) = _model.call(inputs, state);
                sum += CrossEntropy(logits, targets).item<float>();
                state.Dispose();
                state = next.DetachForNextBatch();
            }
            return sum / batches;
        }
        finally
        {
            state?.Dispose();
            _model.train();
        }
    }

    public ModelWeights Snapshot(Vocabulary vocabulary, int iteration) => _model.ToWeights(vocabulary, iteration);

    /// <summary>Optimizer state and <see cref="ResumeState"/> as they are between iterations.</summary>
    public (byte[] Optimizer, ResumeState State) CaptureState(string corpusFingerprint, double? firstLoss)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) _optimizer.save_state_dict(writer);
        var (h, c) = _hidden.ToArrays();
        using var rng = torch.random.get_rng_state();
        var state = new ResumeState(BatchCursor, firstLoss, corpusFingerprint, _loader.Batch, h, c, rng.data<byte>().ToArray());
        return (buffer.ToArray(), state);
    }

    private void LoadOptimizer(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes));
            _optimizer.load_state_dict(reader);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or EndOfStreamException or InvalidCastException or InvalidOperationException)
        {
            throw new CheckpointException(
                $"The checkpoint's optimizer state does not fit this model and optimizer ({ex.Message}). " +
                "It is corrupt, or from a different optimizer: resume with the optimizer it was trained with.", ex);
        }
    }

    private (Tensor Inputs, Tensor Targets) Minibatch(Tensor split, int index)
    {
        long t = _loader.Seq;
        return (split.narrow(1, index * t, t), split.narrow(1, index * t + 1, t));
    }

    private Tensor CrossEntropy(Tensor logits, Tensor targets) =>
        nn.functional.cross_entropy(logits.reshape(-1, _model.VocabularySize), targets.reshape(-1)); // (B·T, V) vs (B·T)

    /// <summary>Scales all gradients so their global L2 norm is at most the clip value; returns the
    /// norm before clipping, as a device scalar (no sync).</summary>
    private Tensor ClipGradients()
    {
        var grads = _parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
        var total = torch.stack(grads.Select(g => g.norm()).ToArray()).norm();
        if (_gradClip > 0)
        {
            var scale = (total + 1e-6).reciprocal().mul(_gradClip).clamp_max(1.0);
            foreach (var g in grads) g.mul_(scale);
        }
        return total;
    }

    private static Tensor ToTensor(StreamMatrix m, Device device) =>
        TensorConvert.FromSymbols(m.Symbols, [m.Streams, m.Columns], device);

    public void Dispose()
    {
        _hidden.Dispose();
        _train.Dispose();
        _validation?.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
    }
}
