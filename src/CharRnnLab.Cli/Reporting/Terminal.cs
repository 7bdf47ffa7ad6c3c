namespace CharRnnLab.Cli.Reporting;

/// <summary>Whether a writer is a person's terminal (progress drawn in place) or a file or pipe (plain lines).</summary>
internal static class Terminal
{
    public static bool IsInteractive(TextWriter writer) =>
        ReferenceEquals(writer, Console.Error) ? !Console.IsErrorRedirected
        : ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
}
