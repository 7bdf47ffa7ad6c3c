using System.Runtime.CompilerServices;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;

namespace CharRnnLab.Core.Sampling;

/// <summary>
/// K generation streams over one snapshot: one <see cref="PackedRnn"/> stepping them together
/// (sharing each pass over the weights), or, for the plain reference path, one
/// <see cref="ManagedRnn"/> per stream.
/// </summary>
internal sealed class StreamStepper : IDisposable
{
    private readonly PackedRnn? _packed;
    private readonly ManagedRnn[] _plain;
    private readonly float[][] _logits;

    public StreamStepper(ModelWeights weights, StepperOptions? options, int streams)
    {
        _packed = options is null ? null : new PackedRnn(weights, options, streams);
        _plain = options is null ? Enumerable.Range(0, streams).Select(_ => new ManagedRnn(weights)).ToArray() : [];
        _logits = new float[streams][];
    }

    /// <summary>Feeds symbols[s] to stream s; returns each stream's logits (V), reused by the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<float[]> Step(ReadOnlySpan<int> symbols)
    {
        if (_packed is not null) return _packed.Step(symbols);
        for (int s = 0; s < _plain.Length; s++) _logits[s] = _plain[s].Step(symbols[s]).ToArray();
        return _logits;
    }

    public void Dispose() => _packed?.Dispose();
}
