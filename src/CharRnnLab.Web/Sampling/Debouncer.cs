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
    public async Task Trigger(Func<CancellationToken, Task> action)
    {
        var mine = new CancellationTokenSource();
        var previous = Interlocked.Exchange(ref _current, mine);
        previous?.Cancel();
        var token = mine.Token;
        try
        {
            await Task.Delay(delay, time, token);
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
