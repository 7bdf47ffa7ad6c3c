using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Web.Contracts;

/// <summary>
/// The one mapping between the edge's <see cref="StartRunRequest"/> and Core's <see cref="RunConfig"/>.
/// Limits and defaults are <see cref="RunSettings"/>'; the thread count is the lab's (Lab:TrainingThreads),
/// so a request does not carry it.
/// </summary>
public static class RunRequests
{
    /// <summary>The field name of the corpus in requests and their errors.</summary>
    public const string CorpusField = "corpusId";

    /// <summary>The settings a request carries, in the order forms show them.</summary>
    public static IReadOnlyList<Setting> Settings { get; } = RunSettings.All.Where(s => s != RunSettings.Threads).ToList();

    /// <summary>The configuration the request asks for (Core's default where it says nothing), and every problem with it.</summary>
    public static (RunConfig Config, IReadOnlyList<FieldError> Errors) Read(StartRunRequest request)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.CorpusId)) errors.Add(new FieldError(CorpusField, "Pick a corpus to train on."));
        var config = ToConfig(request, errors);
        errors.AddRange(RunSettings.Check(config).Where(e => errors.All(f => f.Field != e.Key)).Select(e => new FieldError(e.Key, e.Message)));
        return (config, errors);
    }

    /// <summary>A request for exactly <paramref name="config"/> (every setting filled in).</summary>
    public static StartRunRequest From(string corpusId, string? name, RunConfig config)
    {
        var (m, t) = (config.Model, config.Training);
        return new StartRunRequest
        {
            CorpusId = corpusId, Name = name,
            Cell = RunSettings.Cell.Get(config), Layers = m.Layers, Hidden = m.Hidden, Embedding = m.Embedding, Dropout = m.Dropout,
            Batch = t.Batch, Seq = t.Seq, Optimizer = RunSettings.Optimizer.Get(config), LearningRate = t.LearningRate,
            LearningRateDecay = t.LearningRateDecay, DecayEvery = t.DecayEvery, DecayAfter = t.DecayAfter, GradClip = t.GradClip,
            Iterations = t.Iterations, Epochs = t.Epochs, ValidationFraction = t.ValidationFraction, EvalEvery = t.EvalEvery,
            EvalBatches = t.EvalBatches, CheckpointEvery = t.CheckpointEvery, SampleEvery = t.SampleEvery,
            SampleAt = t.SampleAt, SampleLength = t.SampleLength,
            SampleTemperature = t.SampleTemperature, Seed = t.Seed, Device = t.Device, ExplodeFactor = t.ExplodeFactor,
        };
    }

    /// <summary>The request with one setting replaced (the form's edits).</summary>
    public static StartRunRequest With(StartRunRequest request, Setting setting, object value)
    {
        var config = ToConfig(request, []);
        config = setting switch
        {
            NumberSetting number => number.With(config, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            ChoiceSetting choice => choice.Problem(value as string) is null ? choice.Parse(config, (string)value) : config,
            ScheduleSetting schedule when value is SampleSchedule iterations => schedule.With(config, iterations),
            _ => config,
        };
        return From(request.CorpusId, request.Name, config);
    }

    private static RunConfig ToConfig(StartRunRequest r, List<FieldError> errors)
    {
        var c = RunConfig.Default;
        c = Choice(c, RunSettings.Cell, r.Cell, errors);
        c = Number(c, RunSettings.Layers, r.Layers);
        c = Number(c, RunSettings.Hidden, r.Hidden);
        c = Number(c, RunSettings.Embedding, r.Embedding);
        c = Number(c, RunSettings.Dropout, r.Dropout);
        c = Number(c, RunSettings.Batch, r.Batch);
        c = Number(c, RunSettings.Seq, r.Seq);
        c = Choice(c, RunSettings.Optimizer, r.Optimizer, errors);
        c = Number(c, RunSettings.LearningRate, r.LearningRate);
        c = Number(c, RunSettings.LearningRateDecay, r.LearningRateDecay);
        c = Number(c, RunSettings.DecayEvery, r.DecayEvery);
        c = Number(c, RunSettings.DecayAfter, r.DecayAfter);
        c = Number(c, RunSettings.GradClip, r.GradClip);
        c = Number(c, RunSettings.Iterations, r.Iterations);
        c = Number(c, RunSettings.Epochs, r.Epochs);
        c = Number(c, RunSettings.ValidationFraction, r.ValidationFraction);
        c = Number(c, RunSettings.EvalEvery, r.EvalEvery);
        c = Number(c, RunSettings.EvalBatches, r.EvalBatches);
        c = Number(c, RunSettings.CheckpointEvery, r.CheckpointEvery);
        c = Number(c, RunSettings.SampleEvery, r.SampleEvery);
        c = r.SampleAt is { } at ? RunSettings.SampleAt.With(c, at) : c;
        c = Number(c, RunSettings.SampleLength, r.SampleLength);
        c = Number(c, RunSettings.SampleTemperature, r.SampleTemperature);
        c = Number(c, RunSettings.Seed, r.Seed);
        c = Choice(c, RunSettings.Device, r.Device, errors);
        return Number(c, RunSettings.ExplodeFactor, r.ExplodeFactor);
    }

    private static RunConfig Number(RunConfig config, NumberSetting setting, double? value) =>
        value is { } v ? setting.With(config, v) : config;

    /// <summary>An unknown word keeps the default and is reported under the setting's key.</summary>
    private static RunConfig Choice(RunConfig config, ChoiceSetting setting, string? value, List<FieldError> errors)
    {
        if (value is null) return config;
        if (setting.Problem(value) is not { } problem) return setting.Parse(config, value);
        errors.Add(new FieldError(setting.Key, problem));
        return config;
    }
}
