using System.Collections.Concurrent;

namespace CharRnnLab.Core.Compute;

/// <summary>
/// The one thread that runs libtorch work in this process.
/// <para>
/// Why: libtorch's OpenMP workers spin while waiting, so any second busy thread (a sampler, a
/// recorder) makes training 2–4× slower on a small machine; and TorchSharp dispose scopes are
/// per thread. So all heavy work is serialised here. A long job (a training loop) is cut into
/// slices, one per iteration, each posting the next with <see cref="Post"/>, so short jobs queued
/// meanwhile (sampling, recording, snapshots) are interleaved rather than run in parallel with it.
/// </para>
/// </summary>
public sealed class ComputeLane : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread _thread;
    private readonly int _threadsPerJob;

    /// <param name="threads">libtorch intra-op threads for jobs on this lane; 0 = all cores.</param>
    /// <param name="name">The thread's name (shown in debuggers and dumps).</param>
    public ComputeLane(int threads = 0, string name = "charrnn-compute")
    {
        _threadsPerJob = threads > 0 ? threads : Environment.ProcessorCount;
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>The process-wide lane used when none is passed explicitly.</summary>
    public static ComputeLane Shared => SharedLane.Value;
    private static readonly Lazy<ComputeLane> SharedLane = new(() => new ComputeLane());

    public bool IsCurrentThread => Thread.CurrentThread == _thread;
    public int Threads => _threadsPerJob;

    /// <summary>Queues a job; the task completes with its result or exception.</summary>
    public Task<T> Run<T>(Func<T> job)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (IsCurrentThread) { Execute(job, done); return done.Task; }
        _queue.Add(() => Execute(job, done));
        return done.Task;
    }

    public Task Run(Action job) => Run(() => { job(); return true; });

    /// <summary>
    /// Queues a job behind those already waiting, even when called from the lane itself (where
    /// <see cref="Run{T}"/> would run it inline). A long job made of slices (a training loop)
    /// posts its next slice this way, so jobs queued meanwhile run in between.
    /// </summary>
    public Task Post(Action job)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() => Execute(() => { job(); return true; }, done));
        return done.Task;
    }

    private static void Execute<T>(Func<T> job, TaskCompletionSource<T> done)
    {
        try { done.SetResult(job()); }
        catch (Exception ex) { done.SetException(ex); }
    }

    private void Loop()
    {
        TorchSharp.torch.set_num_threads(_threadsPerJob);
        foreach (var action in _queue.GetConsumingEnumerable()) action();
    }

    public void Dispose() => _queue.CompleteAdding();
}
