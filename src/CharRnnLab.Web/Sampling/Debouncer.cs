namespace CharRnnLab.Web.Sampling;

/// <summary>
/// Latest-wins debouncing: each <see cref="Trigger"/> cancels the previous pending or running
/// action and schedules the new one after a quiet <c>delay</c>. Dragging a slider across 100
/// values therefore runs one job (for the final value), not 100.
/// </summary>
public sealed class Debouncer(TimeSpan delay, TimeProvider time) : IDisposable
{
    private CancellationTokenSource? _current;

    /// <summary>Schedules <paramref name="action"/>; its token is cancelled when a newer trigger arrives.
    /// The returned task completes when the action ran or was superseded (it never throws cancellation).</summary>
    public Task Trigger(Func<CancellationToken, Task> action) => Run(action, delay);

    /// <summary>Runs <paramref name="action"/> at once, superseding any pending or running one (e.g. on a
    /// slider's release: the user is done, so waiting for quiet only adds latency).</summary>
    public Task TriggerNow(Func<CancellationToken, Task> action) => Run(action, TimeSpan.Zero);

    private async Task Run(Func<CancellationToken, Task> action, TimeSpan wait)
    {
        var mine = new CancellationTokenSource();
        var previous = Interlocked.Exchange(ref _current, mine);
        previous?.Cancel();
        var token = mine.Token;
        try
        {
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, token);
            await action(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        var current = Interlocked.Exchange(ref _current, null);
        current?.Cancel();
        current?.Dispose();
    }
}
