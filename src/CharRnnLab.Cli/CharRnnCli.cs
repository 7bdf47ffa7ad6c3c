using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using CharRnnLab.Cli.Commands;
using CharRnnLab.Cli.Commands.Corpora;
using CharRnnLab.Core;

namespace CharRnnLab.Cli;

/// <summary>
/// `charrnn VERB ...` on System.CommandLine: parsing, help and completion come from the library;
/// this maps outcomes to exit codes (<see cref="ExitCode"/>) and refusals to one-line messages.
/// </summary>
public static class CharRnnCli
{
    public const string Name = "charrnn";

    /// <summary>The verbs, in the order the help lists them. A new verb is a Command in Commands/ and one line here.</summary>
    public static RootCommand CreateRoot() => Root(
        new TrainCommand(),
        new SampleCommand(),
        new BenchCommand(),
        new CorporaCommand(),
        new RecordCommand(),
        new NeuronsCommand(),
        new AblateCommand(),
        new InfluenceCommand(),
        new EvalCommand(),
        new NgramCommand(),
        new NoveltyCommand(),
        new ErrorsCommand(),
        new ExportCommand());

    /// <summary>The root command over <paramref name="verbs"/> (tests pass a verb built with fakes).</summary>
    public static RootCommand Root(params Command[] verbs)
    {
        var root = new RootCommand("Train, sample and take apart character-level RNNs (Karpathy, 2015). Every verb has --help.");
        foreach (var verb in verbs) root.Subcommands.Add(verb);
        return root;
    }

    /// <summary>How words become tokens: no @response files, so a value may start with '@'.</summary>
    public static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(CreateRoot(), args, stdout, stderr);

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = root.Parse(args, Parsing);
        if (parse.Action is ParseErrorAction)
        {
            parse.Invoke(new InvocationConfiguration { Output = stderr, Error = stderr }); // the errors, then the verb's help
            return ExitCode.UsageError;
        }
        var invocation = new InvocationConfiguration
        {
            Output = stdout, Error = stderr,
            EnableDefaultExceptionHandler = false, // refusals are ours to word (below)
            ProcessTerminationTimeout = null,      // Ctrl-C belongs to the verbs: train saves a checkpoint first (Interrupt)
        };
        try
        {
            return await parse.InvokeAsync(invocation);
        }
        catch (CharRnnException ex)
        {
            stderr.WriteLine($"{VerbPath(parse)}: {ex.Message}");
            return ExitCode.UsageError;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"{VerbPath(parse)}: unexpected error, please report it: {ex}");
            return ExitCode.Failed;
        }
    }

    /// <summary>"charrnn corpora fetch": the words that named the command that ran.</summary>
    private static string VerbPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var c = parse.CommandResult; c.Parent is CommandResult parent; c = parent) names.Insert(0, c.Command.Name);
        return string.Join(" ", [Name, .. names]);
    }
}
