namespace CharRnnLab.Cli;

/// <summary>
/// Ctrl-C handling for long commands: the first Ctrl-C asks the command to stop cleanly (a
/// training run saves its checkpoint); a second one ends the process at once.
/// </summary>
public static class Interrupt
{
    /// <summary>Calls <paramref name="stop"/> on the first Ctrl-C until the result is disposed.</summary>
    public static IDisposable OnCtrlC(Action stop)
    {
        int presses = 0;
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            if (Interlocked.Increment(ref presses) > 1) return; // second press: let the process end
            e.Cancel = true;
            stop();
        };
        Console.CancelKeyPress += handler;
        return new Subscription(() => Console.CancelKeyPress -= handler);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
