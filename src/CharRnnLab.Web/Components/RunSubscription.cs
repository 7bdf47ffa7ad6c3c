using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Components;

/// <summary>
/// The one way a component listens to <see cref="RunNotifier"/>: a cheap filter on the publishing thread, the
/// handler on the component's dispatcher (InvokeAsync), an exception from it routed to the component's error
/// boundary (DispatchExceptionAsync) instead of being lost in a discarded task. Dispose the result in the
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
            if (when(update)) _ = DeliverAsync(update, invoke, dispatch, handle);
        });

    /// <inheritdoc cref="Listen(RunNotifier, Func{Func{Task}, Task}, Func{Exception, Task}, Func{RunUpdate, bool}, Func{RunUpdate, Task})"/>
    public static IDisposable Listen(RunNotifier notifier, Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch,
        Func<RunUpdate, bool> when, Action<RunUpdate> handle) =>
        Listen(notifier, invoke, dispatch, when, update =>
        {
            handle(update);
            return Task.CompletedTask;
        });

    private static async Task DeliverAsync(RunUpdate update, Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch,
        Func<RunUpdate, Task> handle)
    {
        try
        {
            await invoke(async () =>
            {
                try { await handle(update); }
                catch (Exception ex) { await dispatch(ex); }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between the update and its delivery: nobody is there to show it to.
        }
    }
}
