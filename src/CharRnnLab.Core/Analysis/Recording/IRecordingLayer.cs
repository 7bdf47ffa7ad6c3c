using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>One recurrent layer as the recorder steps it: S streams at once, a chunk of window steps at a time.</summary>
internal interface IRecordingLayer
{
    /// <summary>Input projection of a whole chunk in one matmul: (S·C, I) → (S, C, G·H).</summary>
    Tensor Project(Tensor input, int streams, int steps);

    /// <summary>One-hot inputs: a row selection. (S·C) symbols → (S, C, G·H).</summary>
    Tensor ProjectOneHot(Tensor symbols, int streams, int steps);

    /// <summary>
    /// Steps every stream through window steps [t0, t0 + steps) of <paramref name="projected"/>
    /// (S, C, G·H, overwritten), writes the kept values through <paramref name="sink"/> and
    /// returns h (S, C, H) for the layer above and the head.
    /// </summary>
    Tensor Run(Tensor projected, int t0, int steps, LayerSink sink);
}

/// <summary>How the recorder steps its layers. Both compute the same values (tests hold them to 1e-5).</summary>
internal enum RecordingKernel
{
    /// <summary><see cref="FusedLayer"/>: libtorch for the matrix products, one managed pass per step for the rest.</summary>
    Fused,
    /// <summary><see cref="RecurrentLayer"/>: every step as libtorch tensor operations (the earlier path, kept to compare against).</summary>
    TensorOps,
}
