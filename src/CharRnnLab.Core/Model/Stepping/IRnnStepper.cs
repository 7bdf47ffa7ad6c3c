namespace CharRnnLab.Core.Model.Stepping;

/// <summary>A batch-1 model stepper: one symbol in, the next symbol's logits out.</summary>
public interface IRnnStepper : IDisposable
{
    /// <summary>The snapshot it steps.</summary>
    ModelWeights Weights { get; }

    /// <summary>Feeds one symbol; returns the logits over the vocabulary for the next one (V),
    /// in a buffer the next call reuses.</summary>
    ReadOnlySpan<float> Step(int symbol);
}
