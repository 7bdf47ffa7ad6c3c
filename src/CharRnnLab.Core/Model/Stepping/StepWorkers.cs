using System.Runtime.CompilerServices;

namespace CharRnnLab.Core.Model.Stepping;

/// <summary>
/// Runs one piece of work split into N parts on the calling thread and N−1 helper threads, and
/// returns when all parts are done. Why not the thread pool: a layer step of a 2×512 model takes
/// ≈ 100 µs, so handing work over must cost a microsecond, not tens.
/// <para>
/// Parts are claimed, not assigned: every thread (the caller too) takes the next unclaimed part
/// until none is left. So a helper the OS has descheduled (a busy machine) costs nothing: the
/// caller does its part as well, and the step is never much slower than on one thread. A claim
/// is a (generation, part) ticket, so a helper that wakes late cannot take a part of a later run.
/// Helpers spin between runs and block on an event after ≈ 1 ms idle, so a stepper left alone
/// costs no CPU.
/// </para>
/// </summary>
internal sealed class StepWorkers : IDisposable
{
    private const int SpinsBeforeSleep = 20_000;
    private readonly Thread[] _helpers;
    private readonly ManualResetEventSlim _wake = new(false);
    private Action<int> _work = _ => { };
    private long _ticket;      // generation << 32 | next unclaimed part
    private int _generation, _completed, _sleeping;
    private volatile bool _stopping;
    private Exception? _error;

    public StepWorkers(int parts)
    {
        Parts = parts;
        _helpers = Enumerable.Range(1, parts - 1)
            .Select(i => new Thread(HelperLoop) { IsBackground = true, Name = $"charrnn-stepper-{i}" }).ToArray();
        foreach (var helper in _helpers) helper.Start();
    }

    public int Parts { get; }

    /// <summary>Runs <paramref name="work"/>(part) for every part; rethrows a helper's exception.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(Action<int> work)
    {
        if (Parts == 1) { work(0); return; }
        _work = work;
        _completed = 0;
        int generation = _generation + 1;
        Interlocked.Exchange(ref _ticket, (long)generation << 32);
        Interlocked.Exchange(ref _generation, generation);
        if (Volatile.Read(ref _sleeping) > 0) _wake.Set();
        DoParts(generation);
        var spinner = new SpinWait();
        while (Volatile.Read(ref _completed) < Parts) spinner.SpinOnce(sleep1Threshold: -1);
        if (Interlocked.Exchange(ref _error, null) is { } error) throw new AggregateException(error);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DoParts(int generation)
    {
        for (int part; (part = Claim(generation)) >= 0;)
        {
            try { _work(part); }
            catch (Exception ex) { Interlocked.CompareExchange(ref _error, ex, null); }
            Interlocked.Increment(ref _completed);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Claim(int generation)
    {
        while (true)
        {
            long ticket = Volatile.Read(ref _ticket);
            if ((int)(ticket >> 32) != generation || (int)ticket >= Parts) return -1;
            if (Interlocked.CompareExchange(ref _ticket, ticket + 1, ticket) == ticket) return (int)ticket;
        }
    }

    private void HelperLoop()
    {
        int seen = 0;
        while (true)
        {
            seen = WaitForGeneration(seen);
            if (_stopping) return;
            DoParts(seen);
        }
    }

    // Spin, then sleep on the event. Order matters: announce sleeping, reset, re-check, wait,
    // so a Run between the check and the wait still sees a sleeper and sets the event.
    private int WaitForGeneration(int seen)
    {
        for (int spins = 0; Volatile.Read(ref _generation) == seen && !_stopping; spins++)
        {
            if (spins < SpinsBeforeSleep) { Thread.SpinWait(8); continue; }
            Interlocked.Increment(ref _sleeping);
            _wake.Reset();
            if (Volatile.Read(ref _generation) == seen && !_stopping) _wake.Wait(10); // timed: a Set lost to another helper's Reset only delays this one
            Interlocked.Decrement(ref _sleeping);
            spins = 0;
        }
        return Volatile.Read(ref _generation);
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        foreach (var helper in _helpers) helper.Join();
        _wake.Dispose();
    }
}
