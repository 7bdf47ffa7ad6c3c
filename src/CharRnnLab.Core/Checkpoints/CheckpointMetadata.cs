using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Checkpoints;

/// <summary>One point of the loss curve; <see cref="ValidationLoss"/> only where one was measured. Nats per symbol.</summary>
public sealed record LossPoint(int Iteration, double TrainLoss, double? ValidationLoss);

/// <summary>
/// Everything about a checkpoint except its tensors: enough to rebuild the model, show the run's
/// history and continue it.
/// </summary>
/// <param name="FormatVersion">File format version; readers refuse newer versions.</param>
/// <param name="Model">The model's shape.</param>
/// <param name="Training">The full effective training configuration.</param>
/// <param name="Vocabulary">Symbols in index order, one Unicode scalar value each.</param>
/// <param name="Iteration">Iterations completed when it was saved.</param>
/// <param name="CorpusName">Name of the corpus trained on.</param>
/// <param name="History">Loss per iteration so far.</param>
/// <param name="Samples">Samples generated during training so far.</param>
/// <param name="SavedAt">When it was written.</param>
/// <param name="Device">"cpu" or "cuda": where it was trained (the weights are stored as CPU data either way).</param>
public sealed record CheckpointMetadata(
    int FormatVersion,
    ModelConfig Model,
    TrainingConfig Training,
    string[] Vocabulary,
    int Iteration,
    string CorpusName,
    IReadOnlyList<LossPoint> History,
    IReadOnlyList<TrainingSample> Samples,
    DateTimeOffset SavedAt,
    string Device);
