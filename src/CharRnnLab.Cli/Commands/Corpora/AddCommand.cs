using System.CommandLine;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Building;

namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>
/// charrnn corpora add --from DIR|ARCHIVE|URL --include GLOB... [--exclude GLOB...] --name NAME: one corpus
/// from many files, each behind a separator line naming it, in path order; non-text files skipped and counted.
/// </summary>
internal sealed class AddCommand : Command
{
    private const string NoSeparator = "none";

    private readonly Option<string> _from = ValueOptions.Required("--from", "a folder, an archive (.tar, .tar.gz, .tar.xz, .zip) or an archive's http(s) URL", "DIR|ARCHIVE|URL");
    private readonly Option<string[]> _include = Globs("--include", "files to take, e.g. '**/*.c' '**/*.h'; a glob starting with ! excludes", required: true);
    private readonly Option<string[]> _exclude = Globs("--exclude", "files to leave out, e.g. '**/Documentation/**'", required: false);
    private readonly Option<string> _name = ValueOptions.Required("--name", "the new corpus's id: lower-case letters, digits and '-'", "NAME");
    private readonly Option<string?> _separator = ValueOptions.Text("--separator",
        $"the line before each file, {CorpusBuildOptions.PathPlaceholder} naming it (default \"{CorpusBuildOptions.DefaultSeparator}\"; '{NoSeparator}' for none)", "TEXT");
    private readonly Option<bool> _replace = ValueOptions.Switch("--replace", "replace a built corpus of the same name");

    public AddCommand(Func<ParseResult, CorpusLibrary> library)
        : base("add", "Build a corpus from the files of a folder or an archive (local or at a URL), chosen by globs.")
    {
        foreach (var option in new Option[] { _from, _include, _exclude, _name, _separator, _replace }) Options.Add(option);
        SetAction((parse, _) => AddAsync(library(parse), parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
    }

    private static Option<string[]> Globs(string name, string description, bool required) => new(name)
    {
        Description = description, HelpName = "GLOB", Required = required,
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true, // --include '**/*.c' '**/*.h'
    };

    private async Task<int> AddAsync(CorpusLibrary library, ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        string name = parse.GetRequiredValue(_name), from = parse.GetRequiredValue(_from);
        var options = new CorpusBuildOptions(parse.GetValue(_include) ?? [], parse.GetValue(_exclude) ?? [], Separator(parse.GetValue(_separator)));
        using var http = CorpusHttp.Create();
        using var interrupt = new CancellationTokenSource();
        using var ctrlC = Interrupt.OnCtrlC(interrupt.Cancel);
        var view = BuildProgressView.For(stderr);
        var build = library.BuildAsync(name, from, options, http, view, parse.GetValue(_replace), interrupt.Token);
        try
        {
            await view.WatchAsync(build);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            stderr.WriteLine($"interrupted: no corpus '{name}' was written.");
            return ExitCode.Interrupted;
        }
        var summary = await build;
        stdout.WriteLine($"built {name}: {summary}");
        string path = library.EnsureAvailable(name);
        stdout.WriteLine($"-> {path}");
        stdout.WriteLine($"train on it with: charrnn train --corpus {path} --out DIR");
        return ExitCode.Ok;
    }

    private static string? Separator(string? given) => given switch
    {
        null => CorpusBuildOptions.DefaultSeparator,
        NoSeparator or "" => null,
        _ => given,
    };
}
