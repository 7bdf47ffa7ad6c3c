using CharRnnLab.Core.Settings;

namespace CharRnnLab.Web.Contracts;

/// <summary>A run as listed: identity, settings, state and latest numbers.</summary>
/// <param name="CheckpointIteration">Iteration of the last checkpoint on disk; null before the first.</param>
/// <param name="CorpusId">The lab corpus it trains on; "" for a run imported without one.</param>
/// <param name="Config">Its model and training settings, Core's shape (the one a checkpoint carries).</param>
public sealed record RunSummary(
    string Id,
    string Name,
    string CorpusName,
    RunState State,
    string? Message,
    int Iteration,
    int TotalIterations,
    double? TrainLoss,
    double? ValidationLoss,
    int? CheckpointIteration,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string CorpusId,
    RunConfig Config)
{
    /// <summary>Paused, or stopped early with a checkpoint to continue from.</summary>
    public bool CanResume => State == RunState.Paused ||
        (State is RunState.Interrupted or RunState.Cancelled or RunState.Failed && CheckpointIteration is not null);

    /// <summary>Whether a model exists to sample from (a live session or a checkpoint).</summary>
    public bool CanSample => State.IsActive() || CheckpointIteration is not null;

    /// <summary>"2×128 LSTM" style description of the model.</summary>
    public string ModelLabel => LabelOf(Config.Model);

    /// <summary>"2×128 LSTM": a model's layers, width and cell.</summary>
    public static string LabelOf(Core.Model.ModelConfig model) => $"{model.Layers}×{model.Hidden} {model.Cell.ToString().ToUpperInvariant()}";
}
