using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Components;

/// <summary>
/// The one way a component listens to what happens off its dispatcher (<see cref="RunNotifier"/>, the <see cref="RunQueue"/>, a
/// Progress report or a JS callback): the work runs on the component's dispatcher (InvokeAsync), an exception from it goes to the
/// component's error boundary (DispatchExceptionAsync) instead of being lost in a discarded task. Dispose a subscription in the
/// component's Dispose to unsubscribe.
/// </summary>
public static class RunSubscription
{
    /// <param name="notifier">Where run updates come from.</param>
    /// <param name="invoke">The component's InvokeAsync.</param>
    /// <param name="dispatch">The component's DispatchExceptionAsync.</param>
    /// <param name="when">Which updates to handle; called on the publishing thread, so it must be quick and touch no UI state.</param>
    /// <param name="handle">What to do with an update, on the component's dispatcher.</param>
    public static IDisposable Listen(RunNotifier notifier, Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch,
        Func<RunUpdate, bool> when, Func<RunUpdate, Task> handle) =>
        notifier.Subscribe(update =>
        {
            if (when(update)) Post(invoke, dispatch, () => handle(update));
        });

    /// <inheritdoc cref="Listen(RunNotifier, Func{Func{Task}, Task}, Func{Exception, Task}, Func{RunUpdate, bool}, Func{RunUpdate, Task})"/>
    public static IDisposable Listen(RunNotifier notifier, Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch,
        Func<RunUpdate, bool> when, Action<RunUpdate> handle) =>
        Listen(notifier, invoke, dispatch, when, update =>
        {
            handle(update);
            return Task.CompletedTask;
        });

    /// <summary>Runs <paramref name="handle"/> on the component's dispatcher after every change of the queue.</summary>
    /// <param name="queue">The run queue.</param>
    /// <param name="invoke">The component's InvokeAsync.</param>
    /// <param name="dispatch">The component's DispatchExceptionAsync.</param>
    /// <param name="handle">What to do when the queue changed, on the component's dispatcher.</param>
    public static IDisposable Listen(RunQueue queue, Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch, Func<Task> handle)
    {
        Action changed = () => Post(invoke, dispatch, handle);
        queue.Changed += changed;
        return new Unsubscribe(() => queue.Changed -= changed);
    }

    /// <summary>Runs <paramref name="work"/> on the component's dispatcher from any thread (a Progress report, a JS callback),
    /// without waiting for it; what it throws goes to the error boundary.</summary>
    public static void Post(Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch, Func<Task> work) =>
        _ = DeliverAsync(invoke, dispatch, work);

    /// <inheritdoc cref="Post(Func{Func{Task}, Task}, Func{Exception, Task}, Func{Task})"/>
    public static void Post(Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch, Action work) =>
        Post(invoke, dispatch, () =>
        {
            work();
            return Task.CompletedTask;
        });

    private static async Task DeliverAsync(Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch, Func<Task> work)
    {
        try
        {
            await invoke(async () =>
            {
                try { await work(); }
                catch (Exception ex) { await dispatch(ex); }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between the event and its delivery: nobody is there to show it to.
        }
    }

    private sealed class Unsubscribe(Action undo) : IDisposable
    {
        private Action? _undo = undo;

        public void Dispose() => Interlocked.Exchange(ref _undo, null)?.Invoke();
    }
}
