namespace CharRnnLab.Web.Contracts;

/// <summary>
/// What a hub client or the Train page sends to start a run: the corpus, a name and any settings
/// to change. Property names are Core's <see cref="Core.Settings.Setting.Key"/>s; a setting left
/// null takes Core's default. <see cref="RunRequests"/> maps it to and from Core's configs; it
/// holds no defaults, limits or rules of its own.
/// </summary>
public sealed record StartRunRequest
{
    /// <summary>Id of the corpus to train on, as listed on the Corpora page (ListCorpora).</summary>
    public string CorpusId { get; init; } = "";
    /// <summary>Optional display name; defaults to "corpus · 2×128".</summary>
    public string? Name { get; init; }

    public string? Cell { get; init; }
    public int? Layers { get; init; }
    public int? Hidden { get; init; }
    public int? Embedding { get; init; }
    public double? Dropout { get; init; }

    public int? Batch { get; init; }
    public int? Seq { get; init; }
    public string? Optimizer { get; init; }
    public double? LearningRate { get; init; }
    public double? LearningRateDecay { get; init; }
    public int? DecayEvery { get; init; }
    public int? DecayAfter { get; init; }
    public double? GradClip { get; init; }
    public int? Iterations { get; init; }
    public double? Epochs { get; init; }
    public double? ValidationFraction { get; init; }
    public int? EvalEvery { get; init; }
    public int? EvalBatches { get; init; }
    public int? CheckpointEvery { get; init; }
    public int? SampleEvery { get; init; }
    /// <summary>Iterations to sample at as well, in JSON an array such as [100, 300, 500, 700, 1200, 2000]; null or empty for none.</summary>
    public Core.Training.SampleSchedule? SampleAt { get; init; }
    public int? SampleLength { get; init; }
    public double? SampleTemperature { get; init; }
    public int? Seed { get; init; }
    public string? Device { get; init; }
    public double? ExplodeFactor { get; init; }
}

/// <summary>A problem with one field of a request: the setting's key (or "corpusId") and what to do.</summary>
public sealed record FieldError(string Field, string Message);
