namespace CharRnnLab.Core.Model;

/// <summary>
/// Lets a caller edit a layer's state in <see cref="ManagedRnn.Step"/> right after that layer's
/// cell update, before the next layer and the head read it (interventions use this).
/// </summary>
public interface IStepHook
{
    /// <param name="layer">0-based layer just updated.</param>
    /// <param name="position">Index of the symbol just read since the last reset (0 = the first).</param>
    /// <param name="hidden">The layer's h (H), editable; the next layer, the head and the next step read it.</param>
    /// <param name="cell">The layer's c (H), editable (LSTM; unused otherwise).</param>
    /// <param name="outputGate">The LSTM output gate o of this step (H), so h = o⊙tanh(c) can be
    /// recomputed after editing c; empty for GRU and RNN.</param>
    void AfterLayer(int layer, int position, Span<float> hidden, Span<float> cell, ReadOnlySpan<float> outputGate);
}
