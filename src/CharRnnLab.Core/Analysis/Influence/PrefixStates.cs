using System.Runtime.CompilerServices;
using CharRnnLab.Core.Model;
using static TorchSharp.torch;

namespace CharRnnLab.Core.Analysis.Influence;

/// <summary>
/// The recurrent state of one model after every <see cref="Stride"/>-th character of one text, each
/// read once from the zero state at character 0 and kept as plain arrays. Why: explaining the
/// prediction at position N needs the state at N − span; read from character 0 each time, that is
/// N steps at batch 1 (≈ 0.45 ms each at 2×512, so 4 s at N = 9,000), while clicks on one text
/// reuse the same prefix. With the checkpoints a request reads fewer than <see cref="Stride"/>
/// characters beyond the ones already read, and the result is the same state as one pass from
/// zero (a chunked pass carries the state exactly; only float rounding of the batched input
/// projection can differ).
/// </summary>
internal sealed class PrefixStates
{
    public const int DefaultStride = 256;
    private static readonly ConditionalWeakTable<ModelWeights, PrefixStates> Latest = new();

    private readonly int[] _symbols;
    private readonly List<(float[] H, float[]? C)> _after = [];  // _after[k]: the state after symbols[..(k · Stride)], (L, 1, H) flat

    private PrefixStates(int[] symbols, int stride)
    {
        _symbols = symbols;
        Stride = stride;
    }

    public int Stride { get; }

    /// <summary>The checkpoints of this text under these weights: the ones kept from the last request when the text and stride are the same.</summary>
    public static PrefixStates For(ModelWeights weights, int[] symbols, int stride = DefaultStride)
    {
        lock (Latest)
        {
            if (Latest.TryGetValue(weights, out var kept) && kept.Stride == stride && kept._symbols.AsSpan().SequenceEqual(symbols))
                return kept;
            var fresh = new PrefixStates(symbols, stride);
            Latest.AddOrUpdate(weights, fresh);
            return fresh;
        }
    }

    /// <summary>The state after reading symbols[..<paramref name="position"/>] from the zero state, (L, 1, H), without gradients. The caller disposes it.</summary>
    public RecurrentState StateAt(CharRnnModel model, int position)
    {
        lock (_after)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            int k = Math.Min(position / Stride, Extend(model, position / Stride));
            var state = Read(model, Restore(model, k), k * Stride, position);
            return state.DetachForNextBatch();
        }
    }

    // Fills _after up to index `wanted` (one chunk of Stride characters each); returns the last index kept.
    private int Extend(CharRnnModel model, int wanted)
    {
        if (_after.Count == 0)
        {
            int size = model.Config.Layers * model.Config.Hidden;
            _after.Add((new float[size], model.Config.Cell == CellType.Lstm ? new float[size] : null));
        }
        while (_after.Count <= wanted)
        {
            int from = (_after.Count - 1) * Stride;
            _after.Add(Read(model, Restore(model, _after.Count - 1), from, from + Stride).ToArrays());
        }
        return _after.Count - 1;
    }

    private RecurrentState Restore(CharRnnModel model, int k) =>
        RecurrentState.FromArrays(model.Config, 1, _after[k].H, _after[k].C, model.Device);

    // Reads symbols[from..to] from `state` (inside the caller's no-grad dispose scope).
    private RecurrentState Read(CharRnnModel model, RecurrentState state, int from, int to)
    {
        if (to <= from) return state;
        var input = tensor(_symbols[from..to].Select(s => (long)s).ToArray(), [1, to - from]);
        return model.call(input, state).Item2;
    }
}
