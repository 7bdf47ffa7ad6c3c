using System.Diagnostics;

namespace CharRnnLab.Core.Training;

/// <summary>
/// Running time (pauses excluded), recent speed and time left. Speed is measured over the last
/// <see cref="Window"/> iterations so it follows changes (another job on the machine) quickly;
/// the ETA uses the whole session's average so it does not jump around.
/// </summary>
internal sealed class ThroughputMeter
{
    private const int Window = 20;
    private readonly Stopwatch _running = new();
    private readonly Queue<(TimeSpan At, int Symbols)> _recent = new();
    private int _iterations;

    public TimeSpan Elapsed => _running.Elapsed;

    public void Start() => _running.Start();
    public void Stop() => _running.Stop();

    /// <summary>Records a finished iteration of <paramref name="symbols"/> symbols.</summary>
    public void Record(int symbols)
    {
        _iterations++;
        _recent.Enqueue((_running.Elapsed, symbols));
        if (_recent.Count > Window + 1) _recent.Dequeue();
    }

    /// <summary>Symbols per second over the recent window (0 until two iterations are known).</summary>
    public double SymbolsPerSecond
    {
        get
        {
            if (_recent.Count < 2) return _recent.Count == 1 && Elapsed > TimeSpan.Zero ? _recent.Peek().Symbols / Elapsed.TotalSeconds : 0;
            var first = _recent.Peek();
            double seconds = (_recent.Last().At - first.At).TotalSeconds;
            long symbols = _recent.Sum(r => (long)r.Symbols) - first.Symbols;
            return seconds > 0 ? symbols / seconds : 0;
        }
    }

    public TimeSpan? Eta(int remainingIterations) =>
        _iterations == 0 ? null : TimeSpan.FromSeconds(Elapsed.TotalSeconds / _iterations * remainingIterations);
}
