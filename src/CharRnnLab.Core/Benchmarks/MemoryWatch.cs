namespace CharRnnLab.Core.Benchmarks;

/// <summary>
/// The process's peak working set while a piece of work runs, above what it was when the watch
/// started: polled every few milliseconds on a background thread (the OS keeps only a
/// lifetime peak, which earlier work has already set).
/// </summary>
public sealed class MemoryWatch : IDisposable
{
    private readonly long _baseline = Environment.WorkingSet;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    public MemoryWatch()
    {
        _peak = _baseline;
        _thread = new Thread(Poll) { IsBackground = true, Name = "charrnn-memory-watch" };
        _thread.Start();
    }

    public long BaselineBytes => _baseline;

    /// <summary>Highest working set seen so far, minus the baseline (≥ 0).</summary>
    public long PeakAboveBaselineBytes => Math.Max(0, Interlocked.Read(ref _peak) - _baseline);

    private void Poll()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(5);
        }
    }

    private void Sample()
    {
        long now = Environment.WorkingSet;
        long seen = Interlocked.Read(ref _peak);
        if (now > seen) Interlocked.Exchange(ref _peak, now);
    }

    /// <summary>Stops polling after one last sample.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        Sample();
    }
}
