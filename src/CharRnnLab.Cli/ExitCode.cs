namespace CharRnnLab.Cli;

/// <summary>What `charrnn` exits with.</summary>
public static class ExitCode
{
    public const int Ok = 0;
    /// <summary>The work failed (a diverging run, an unexpected error).</summary>
    public const int Failed = 1;
    /// <summary>A bad command line, or input refused with a message (a <see cref="Core.CharRnnException"/>).</summary>
    public const int UsageError = 2;
    /// <summary>Stopped by Ctrl-C (after saving what there was to save).</summary>
    public const int Interrupted = 130;
}
