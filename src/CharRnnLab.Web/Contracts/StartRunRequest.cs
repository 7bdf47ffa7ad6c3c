using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Web.Contracts;

/// <summary>
/// Everything needed to start a run: the corpus and the hyperparameters. Defaults are
/// karpathy/char-rnn's (2×128 LSTM, batch 50, sequence 50, Adam 2e-3).
/// </summary>
public sealed record StartRunRequest
{
    /// <summary>Id of the corpus to train on, as listed on the Corpora page (ListCorpora).</summary>
    public string CorpusId { get; init; } = "";
    /// <summary>Optional display name; defaults to "corpus · 2×128".</summary>
    public string? Name { get; init; }
    /// <summary>"lstm", "gru" or "rnn".</summary>
    public string Cell { get; init; } = "lstm";
    public int Layers { get; init; } = 2;
    public int Hidden { get; init; } = 128;
    /// <summary>Embedding size; 0 = one-hot input.</summary>
    public int Embedding { get; init; }
    public double Dropout { get; init; }
    public int Batch { get; init; } = 50;
    public int Seq { get; init; } = 50;
    public double LearningRate { get; init; } = 2e-3;
    public double GradClip { get; init; } = 5.0;
    /// <summary>Total iterations; 0 means train for <see cref="Epochs"/>.</summary>
    public int Iterations { get; init; }
    public double Epochs { get; init; } = 1.0;
    public int EvalEvery { get; init; } = 100;
    public int SampleEvery { get; init; } = 100;
    public int SampleLength { get; init; } = 200;
    public double SampleTemperature { get; init; } = 0.8;
    public int CheckpointEvery { get; init; } = 500;
    public int Seed { get; init; } = 123;

    /// <summary>Every problem with the request, one message per field (empty when valid).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Check(bool ok, string field, string message) { if (!ok) errors.Add(new FieldError(field, message)); }

        Check(!string.IsNullOrWhiteSpace(CorpusId), nameof(CorpusId), "Pick a corpus to train on.");
        Check(TryParseCell(Cell, out _), nameof(Cell), $"Cell must be lstm, gru or rnn (got '{Cell}').");
        Check(Layers is >= 1 and <= 8, nameof(Layers), $"Layers must be between 1 and 8 (got {Layers}).");
        Check(Hidden is >= 4 and <= 2048, nameof(Hidden), $"Hidden size must be between 4 and 2048 (got {Hidden}).");
        Check(Embedding is >= 0 and <= 1024, nameof(Embedding), $"Embedding must be 0 (one-hot) or up to 1024 (got {Embedding}).");
        Check(Dropout is >= 0 and < 1, nameof(Dropout), $"Dropout must be at least 0 and below 1 (got {Dropout}).");
        Check(Batch is >= 1 and <= 1024, nameof(Batch), $"Batch size must be between 1 and 1024 (got {Batch}).");
        Check(Seq is >= 2 and <= 1000, nameof(Seq), $"Sequence length must be between 2 and 1000 (got {Seq}).");
        Check(LearningRate is > 0 and <= 1, nameof(LearningRate), $"Learning rate must be above 0 and at most 1 (got {LearningRate}).");
        Check(GradClip is >= 0 and <= 1000, nameof(GradClip), $"Gradient clip must be between 0 (off) and 1000 (got {GradClip}).");
        Check(Iterations is >= 0 and <= 10_000_000, nameof(Iterations), $"Iterations must be between 0 (use epochs) and 10,000,000 (got {Iterations}).");
        Check(Iterations > 0 || Epochs is > 0 and <= 10_000, nameof(Epochs), $"Epochs must be above 0 and at most 10,000 when iterations is 0 (got {Epochs}).");
        Check(EvalEvery >= 1, nameof(EvalEvery), $"Evaluate-every must be at least 1 iteration (got {EvalEvery}).");
        Check(SampleEvery >= 1, nameof(SampleEvery), $"Sample-every must be at least 1 iteration (got {SampleEvery}).");
        Check(SampleLength is >= 1 and <= 5000, nameof(SampleLength), $"Sample length must be between 1 and 5000 characters (got {SampleLength}).");
        Check(SampleTemperature is >= 0 and <= 2, nameof(SampleTemperature), $"Sample temperature must be between 0 (greedy) and 2 (got {SampleTemperature}).");
        Check(CheckpointEvery >= 1, nameof(CheckpointEvery), $"Checkpoint-every must be at least 1 iteration (got {CheckpointEvery}).");
        return errors;
    }

    /// <summary>The model's shape for the engine.</summary>
    public ModelConfig ToModelConfig()
    {
        TryParseCell(Cell, out var cell);
        return new ModelConfig(cell, Layers, Hidden, Embedding, Dropout);
    }

    /// <summary>The training settings for the engine, with the lab's libtorch thread count.</summary>
    public TrainingConfig ToTrainingConfig(int threads) => new()
    {
        Batch = Batch,
        Seq = Seq,
        LearningRate = LearningRate,
        GradClip = GradClip,
        Iterations = Iterations,
        Epochs = Epochs,
        EvalEvery = EvalEvery,
        SampleEvery = SampleEvery,
        SampleLength = SampleLength,
        SampleTemperature = SampleTemperature,
        CheckpointEvery = CheckpointEvery,
        Seed = Seed,
        Threads = threads,
    };

    /// <summary>The settings a checkpoint was trained with, as a request (for a run imported from it).</summary>
    /// <param name="model">The checkpoint's model shape.</param>
    /// <param name="training">The checkpoint's training configuration.</param>
    /// <param name="corpusId">The lab corpus it was trained on, or "" when the lab does not have it.</param>
    /// <param name="name">The run's display name.</param>
    public static StartRunRequest FromCheckpoint(ModelConfig model, TrainingConfig training, string corpusId, string name) => new()
    {
        CorpusId = corpusId,
        Name = name,
        Cell = model.Cell.ToString().ToLowerInvariant(),
        Layers = model.Layers,
        Hidden = model.Hidden,
        Embedding = model.Embedding,
        Dropout = model.Dropout,
        Batch = training.Batch,
        Seq = training.Seq,
        LearningRate = training.LearningRate,
        GradClip = training.GradClip,
        Iterations = training.Iterations,
        Epochs = training.Epochs,
        EvalEvery = training.EvalEvery,
        SampleEvery = training.SampleEvery,
        SampleLength = training.SampleLength,
        SampleTemperature = training.SampleTemperature,
        CheckpointEvery = training.CheckpointEvery,
        Seed = training.Seed,
    };

    public static bool TryParseCell(string? text, out CellType cell) =>
        Enum.TryParse(text, ignoreCase: true, out cell) && Enum.IsDefined(cell) && !int.TryParse(text, out _);
}

/// <summary>A problem with one field of a request.</summary>
public sealed record FieldError(string Field, string Message);
