using CharRnnLab.Core.Model;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Compare;

/// <summary>
/// One run on the Compare page: its summary, its (decimated) loss curve and the size of the
/// vocabulary it learned, which its parameter count depends on.
/// </summary>
/// <param name="VocabularySize">Symbols in its vocabulary; null when neither its checkpoint nor its corpus is at hand.</param>
public sealed record ComparedRun(RunSummary Run, IReadOnlyList<ProgressEvent> Progress, int? VocabularySize)
{
    /// <summary>Bits per nat: a loss in nats divided by ln 2 is in bits.</summary>
    public static readonly double Ln2 = Math.Log(2);

    public ModelConfig Model => Run.Config.Model;

    /// <summary>Every weight of the model (embedding, recurrent layers, decoder), or null without a vocabulary.</summary>
    public long? ParameterCount => VocabularySize is { } v ? ParameterLayout.ParameterCount(Model, v) : null;

    /// <summary>The lowest validation loss on its curve (nats per character), else the run's latest one (<see cref="BestValidation"/>).</summary>
    public double? BestValidationLoss => BestValidation.Of(Progress, Run.ValidationLoss);

    public double? BestValidationBits => BestValidationLoss / Ln2;
}
