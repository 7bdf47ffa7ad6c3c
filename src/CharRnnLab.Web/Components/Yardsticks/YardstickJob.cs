using CharRnnLab.Core;

namespace CharRnnLab.Web.Components.Yardsticks;

/// <summary>
/// One yardstick computation as a component shows it: a progress line while it runs, then its
/// result, or the message of a refusal (a <see cref="CharRnnException"/>: too large a corpus, no
/// validation split). Starting again supersedes the computation before (its result is dropped);
/// any other exception goes to the component's error boundary.
/// </summary>
/// <param name="invoke">The component's InvokeAsync: progress and results are applied on its dispatcher.</param>
/// <param name="dispatch">The component's DispatchExceptionAsync.</param>
/// <param name="changed">The component's StateHasChanged.</param>
public sealed class YardstickJob<T>(Func<Action, Task> invoke, Func<Exception, Task> dispatch, Action changed) : IDisposable where T : class
{
    private CancellationTokenSource? _current;

    /// <summary>What is being done now, while running.</summary>
    public string? Progress { get; private set; }
    public T? Result { get; private set; }
    public string? Error { get; private set; }
    public bool Running => _current is not null;

    /// <summary>Forgets the result and any computation under way.</summary>
    public void Reset()
    {
        _current?.Cancel();
        _current = null;
        (Progress, Result, Error) = (null, null, null);
    }

    /// <summary>Starts <paramref name="compute"/> (it hears a progress reporter and a token cancelled when superseded).</summary>
    public Task StartAsync(Func<IProgress<string>, CancellationToken, Task<T>> compute, string firstStep = "starting…")
    {
        Reset();
        var run = _current = new CancellationTokenSource();
        Progress = firstStep;
        return RunAsync(run, compute);
    }

    private async Task RunAsync(CancellationTokenSource run, Func<IProgress<string>, CancellationToken, Task<T>> compute)
    {
        T? result = null;
        string? error = null;
        try
        {
            result = await compute(new Reporter(this, run), run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            return;
        }
        catch (CharRnnException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex)
        {
            await dispatch(ex);
            return;
        }
        await ShowAsync(run, () => (Result, Error, Progress, _current) = (result, error, null, null));
    }

    private async Task ShowAsync(CancellationTokenSource run, Action apply)
    {
        try
        {
            await invoke(() =>
            {
                if (_current != run) return; // superseded
                apply();
                changed();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed meanwhile.
        }
    }

    public void Dispose() => Reset();

    private sealed class Reporter(YardstickJob<T> job, CancellationTokenSource run) : IProgress<string>
    {
        public void Report(string value) => _ = job.ShowAsync(run, () => job.Progress = value);
    }
}
