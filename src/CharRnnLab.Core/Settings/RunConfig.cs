using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Settings;

/// <summary>
/// Everything a run is made of but its text: the model's shape and the training settings, the
/// pair a checkpoint carries. Front ends persist, edit and map this one shape.
/// </summary>
/// <param name="Model">The model's shape (fixed once trained).</param>
/// <param name="Training">Everything else about the run.</param>
public sealed record RunConfig(ModelConfig Model, TrainingConfig Training)
{
    /// <summary>The defaults of every setting (karpathy/char-rnn's), as the records' initialisers give them.</summary>
    public static RunConfig Default { get; } = new(new ModelConfig(), new TrainingConfig());

    /// <summary>Every problem with this configuration, one per setting (empty when it can train).</summary>
    public IReadOnlyList<SettingError> Check() => RunSettings.Check(this);

    /// <summary>Throws <see cref="ConfigException"/> with the first problem.</summary>
    public void Validate() => RunSettings.ThrowFirst(Check());
}
