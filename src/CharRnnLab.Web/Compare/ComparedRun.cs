using CharRnnLab.Core.Model;
using CharRnnLab.Web.Charts;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Compare;

/// <summary>
/// One run on the Compare page: its summary, its (decimated) loss curve and the size of the
/// vocabulary it learned, which its parameter count depends on.
/// </summary>
/// <param name="VocabularySize">Symbols in its vocabulary; null when neither its checkpoint nor its corpus is at hand.</param>
/// <param name="MeasuredBest">The lowest validation loss the run measured (GetHistory's), when known.</param>
public sealed record ComparedRun(RunSummary Run, IReadOnlyList<ProgressEvent> Progress, int? VocabularySize, double? MeasuredBest = null)
{
    /// <summary>Bits per nat: a loss in nats divided by ln 2 is in bits.</summary>
    public static readonly double Ln2 = Math.Log(2);

    public ModelConfig Model => Run.Config.Model;

    /// <summary>Every weight of the model (embedding, recurrent layers, decoder), or null without a vocabulary.</summary>
    public long? ParameterCount => VocabularySize is { } v ? ParameterLayout.ParameterCount(Model, v) : null;

    /// <summary>The lowest validation loss the run measured (nats per character), else the lowest on its curve, else its
    /// latest one (<see cref="BestValidation"/>).</summary>
    public double? BestValidationLoss => MeasuredBest ?? BestValidation.Of(Progress, Run.ValidationLoss);

    public double? BestValidationBits => BestValidationLoss / Ln2;
}
