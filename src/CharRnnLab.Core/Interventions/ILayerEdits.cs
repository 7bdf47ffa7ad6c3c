using static TorchSharp.torch;

namespace CharRnnLab.Core.Interventions;

/// <summary>
/// Edits of one layer's (S, H) state in the recorder's batched step, called at the points
/// docs/interventions.md defines: c right after c = f⊙c + i⊙g (before tanh(c) and h), h once computed.
/// </summary>
internal interface ILayerEdits
{
    /// <summary>Edits c (S, H) in place at window step <paramref name="windowStep"/>.</summary>
    void Cell(Tensor c, int windowStep);

    /// <summary>Edits h (S, H) in place at window step <paramref name="windowStep"/>.</summary>
    void Hidden(Tensor h, int windowStep);
}
