using CharRnnLab.Cli.Commands;
using CharRnnLab.Core;

namespace CharRnnLab.Cli;

/// <summary>Dispatches `charrnn VERB ...` to a command; maps user errors to exit code 2.</summary>
public static class CommandLine
{
    public const int Ok = 0, Failed = 1, UsageError = 2, Interrupted = 130;

    private static readonly ICommand[] Commands =
    [
        new TrainCommand(), new SampleCommand(), new BenchCommand(), new CorporaCommand(),
        new RecordCommand(), new NeuronsCommand(), new EvalCommand(), new ExportCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage());
            return args.Length == 0 ? UsageError : Ok;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"charrnn: unknown command '{args[0]}'.\n\n{Usage()}");
            return UsageError;
        }
        try
        {
            var options = new ArgReader(args.Skip(1).ToArray(), command.Switches);
            if (options.Flag("help")) { stdout.WriteLine(command.Help); return Ok; }
            return await command.RunAsync(options, stdout, stderr);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"charrnn {command.Name}: {ex.Message}\n\n{command.Help}");
            return UsageError;
        }
        catch (CharRnnException ex)
        {
            stderr.WriteLine($"charrnn {command.Name}: {ex.Message}");
            return UsageError;
        }
    }

    private static string Usage() =>
        "usage: charrnn <command> [options]   (charrnn <command> --help for details)\n\ncommands:\n" +
        string.Join("\n", Commands.Select(c => $"  {c.Name,-9} {c.Summary}"));
}

/// <summary>One `charrnn` verb. Implementations live in Commands/, one file each.</summary>
public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    string Help { get; }
    /// <summary>Options that take no value (without "--"); the word after one is never its value.</summary>
    IReadOnlyCollection<string> Switches { get; }
    Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr);
}
