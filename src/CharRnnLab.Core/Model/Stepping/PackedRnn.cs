using System.Runtime.CompilerServices;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary>
/// The fast stepper: <see cref="ManagedRnn"/>'s computation on packed weights
/// (<see cref="PackedMatrix"/>), optionally in half precision, with each layer's units split
/// across <see cref="StepperOptions.Threads"/> threads, for one stream or a few stepped together.
/// <para>
/// At batch 1 every weight is read once per character (12 MB at 2×512 in float32), so speed is
/// memory traffic and instruction count, not arithmetic; streams stepped together share each
/// read (two per pass over the weights). Each thread owns a range of units: it computes those
/// units' rows of every gate, then their cell update, so the only barrier is between layers. h is
/// double-buffered (read the previous step's, write the new one) because a thread may update its
/// units while another still reads h for its own rows. Each stream's results are bit-identical
/// to a one-stream stepper's. Dispose it to stop its helper threads.
/// </para>
/// <para>
/// Every method a step runs (here, in the matrices, the workers and the sampling stream) is compiled
/// optimised at its first call (AggressiveOptimization, see <see cref="PackedKernels"/>): a server keeps
/// compiling new methods, which holds back tiering, and a 2×24 sample in the lab then took 500–700 ms
/// on unoptimised code against 43 ms once tiered (release to text, traced in the slider benchmark).
/// </para>
/// </summary>
public sealed class PackedRnn : IRnnStepper
{
    private readonly PackedModel _model;
    private readonly CellType _cell;
    private readonly int _hp, _streams;
    private readonly float[][][] _hRead, _hWrite, _c; // [layer][stream] (Hp)
    private readonly float[][] _pre, _rec;            // [stream] (G·Hp) this layer's input and recurrent parts
    private readonly float[][] _head, _logits;        // [stream] (padded V), (V)
    private readonly int[] _symbols;
    private readonly (int From, int To)[] _units;     // per part
    private readonly StepWorkers _workers;
    private readonly Action<int> _layerPart;
    private readonly IStepHook? _hook;
    private readonly float[] _outputGate;              // (H) the LSTM o of the layer just updated, for the hook
    private int _layer, _position;

    /// <param name="weights">The snapshot (packed once per precision and cached).</param>
    /// <param name="options">Precision and threads.</param>
    /// <param name="streams">Streams stepped together (each with its own state), e.g. one per temperature.</param>
    /// <param name="hook">Called for every stream after each layer's update (interventions), as
    /// <see cref="ManagedRnn"/> calls it; null = the plain model.</param>
    public PackedRnn(ModelWeights weights, StepperOptions options, int streams = 1, IStepHook? hook = null)
    {
        options.Validate();
        if (streams < 1) throw new ArgumentOutOfRangeException(nameof(streams), streams, "at least one stream");
        Weights = weights;
        _model = PackedModel.For(weights, options.Precision);
        _cell = weights.Config.Cell;
        _hp = _model.PaddedUnits;
        _streams = streams;
        int layers = weights.Layers.Length, gates = weights.Config.GateCount;
        _hRead = Enumerable.Range(0, layers).Select(_ => Buffers(streams, _hp)).ToArray();
        _hWrite = Enumerable.Range(0, layers).Select(_ => Buffers(streams, _hp)).ToArray();
        _c = Enumerable.Range(0, layers).Select(_ => Buffers(streams, _hp)).ToArray();
        _pre = Buffers(streams, gates * _hp);
        _rec = Buffers(streams, gates * _hp);
        _head = Buffers(streams, _model.Head.SlabRows);
        _logits = Buffers(streams, weights.Vocabulary.Count);
        _symbols = new int[streams];
        int parts = Math.Clamp(options.Threads, 1, _hp / 8);
        _units = Enumerable.Range(0, parts).Select(p => (_hp / 8 * p / parts * 8, _hp / 8 * (p + 1) / parts * 8)).ToArray();
        _workers = new StepWorkers(parts);
        _layerPart = LayerPart;
        _hook = hook;
        _outputGate = new float[hook is not null && _cell == CellType.Lstm ? weights.Config.Hidden : 0];
    }

    public ModelWeights Weights { get; }
    public int Streams => _streams;

    /// <summary>One stream (the first): feeds <paramref name="symbol"/>, returns its logits (V).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<float> Step(int symbol)
    {
        _symbols.AsSpan().Fill(symbol);
        Step(_symbols);
        return _logits[0];
    }

    /// <summary>Feeds symbols[s] to stream s; returns every stream's logits ([stream] (V)), buffers the next call reuses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<float[]> Step(ReadOnlySpan<int> symbols)
    {
        if (symbols.Length != _streams) throw new ArgumentException($"expected {_streams} symbols, got {symbols.Length}.", nameof(symbols));
        symbols.CopyTo(_symbols);
        for (_layer = 0; _layer < _model.Layers.Length; _layer++)
        {
            _workers.Run(_layerPart);
            if (_hook is not null) Hook();
        }
        _position++;
        _model.Head.Multiply(_hWrite[^1], _head, 0, _model.Head.SlabRows);
        for (int s = 0; s < _streams; s++) _head[s].AsSpan(0, _logits[s].Length).CopyTo(_logits[s]);
        for (int l = 0; l < _hRead.Length; l++) (_hRead[l], _hWrite[l]) = (_hWrite[l], _hRead[l]);
        return _logits;
    }

    /// <summary>Layer <see cref="_layer"/> for the units of one part, every stream: gate rows, then the cell update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LayerPart(int part)
    {
        var (from, to) = _units[part];
        var layer = _model.Layers[_layer];
        layer.InputWeights?.Multiply(_hWrite[_layer - 1], _pre, from, to);
        layer.RecurrentWeights.Multiply(_hRead[_layer], _rec, from, to);
        for (int s = 0; s < _streams; s++)
        {
            float[] pre = layer.InputWeights is null ? _model.InputTable[_symbols[s]] : _pre[s];
            CellMath.Update(_cell, pre, _rec[s], _c[_layer][s], _hRead[_layer][s], _hWrite[_layer][s], _hp, from, to);
        }
    }

    /// <summary>
    /// Hands each stream's new h and c of layer <see cref="_layer"/> to the hook once every part has
    /// written them (the workers' barrier), before the next layer or the head reads them. The LSTM's
    /// o is recomputed from this step's gate sums, still in the buffers, so an edited c gives h = o⊙tanh(c).
    /// </summary>
    private void Hook()
    {
        int h = Weights.Config.Hidden;
        for (int s = 0; s < _streams; s++)
        {
            if (_outputGate.Length > 0)
            {
                float[] pre = _layer == 0 ? _model.InputTable[_symbols[s]] : _pre[s];
                for (int u = 0; u < h; u++) _outputGate[u] = 1f / (1f + MathF.Exp(-(pre[3 * _hp + u] + _rec[s][3 * _hp + u])));
            }
            _hook!.AfterLayer(_layer, _position, _hWrite[_layer][s].AsSpan(0, h), _c[_layer][s].AsSpan(0, h), _outputGate);
        }
    }

    public void Dispose() => _workers.Dispose();

    private static float[][] Buffers(int count, int length) => Enumerable.Range(0, count).Select(_ => new float[length]).ToArray();
}
