using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Yardsticks;

/// <summary>
/// Where the yardsticks' managed CPU work runs (building an n-gram index, scoring orders, sampling
/// an n-gram, classifying errors): one job at a time, placed by the sampler's rule
/// (<see cref="RunSampler.OnLane"/>): on the compute lane, between training iterations, when
/// training uses every core; else on the core training leaves free. Most of it is seconds of
/// work (a 5 MB corpus's order-20 index: about 2 s to build, 10 s to score), which the lane
/// would otherwise give to nobody else meanwhile, training and sampling included.
/// libtorch work (the model's probabilities) always goes to the lane itself (<see cref="RunSampler"/>'s lane).
/// </summary>
public sealed class YardstickWork(RunSampler sampler, RunManager runs)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Runs <paramref name="job"/> once earlier jobs finished; <paramref name="cancellationToken"/> only stops the wait for its turn.</summary>
    public async Task<T> RunAsync<T>(Func<T> job, CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            return sampler.OnLane ? await runs.Lane.Run(job) : await Task.Run(job, CancellationToken.None);
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Runs libtorch work on the compute lane (never beside a training step).</summary>
    public Task<T> RunOnLaneAsync<T>(Func<T> job) => runs.Lane.Run(job);
}
