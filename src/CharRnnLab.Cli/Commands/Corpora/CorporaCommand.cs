using System.CommandLine;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>charrnn corpora list | fetch NAME | add --from … | path ID: what can be trained on, and getting it.</summary>
public sealed class CorporaCommand : Command
{
    private readonly Option<string?> _dataDir = new("--data-dir")
    {
        Description = "data directory (default: $CHARRNN_DATA, else ~/.local/share/CharRnnLab)", HelpName = "DIR",
        Recursive = true, // also after the action: corpora list --data-dir DIR
    };

    private readonly Option<string?> _catalog = new("--catalog")
    {
        Description = $"a catalogue file whose entries replace or extend the shipped ones (default: ${CorpusCatalog.OverrideVariable})", HelpName = "FILE",
        Recursive = true,
    };

    public CorporaCommand() : base("corpora", "List corpora, fetch a classic one, build one from many files, print a corpus's path.")
    {
        Options.Add(_dataDir);
        Options.Add(_catalog);
        // One line per action; each is a Command in this folder.
        Subcommands.Add(new ListCommand(Library));
        Subcommands.Add(new FetchCommand(Library));
        Subcommands.Add(new AddCommand(Library));
        Subcommands.Add(new PathCommand(Library));
    }

    /// <summary>The corpora of --data-dir, else of the default data directory, with the --catalog (or $CHARRNN_CATALOG) overlay.</summary>
    private CorpusLibrary Library(ParseResult parse) =>
        new(parse.GetValue(_dataDir) ?? DataDirectory.Default(), CorpusCatalog.Configured(parse.GetValue(_catalog)));
}
