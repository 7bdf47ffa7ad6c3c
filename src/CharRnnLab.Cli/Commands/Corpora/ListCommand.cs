using System.CommandLine;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>charrnn corpora list: every corpus with its kind, size and status.</summary>
internal sealed class ListCommand : Command
{
    public ListCommand(Func<ParseResult, CorpusLibrary> library)
        : base("list", "List every corpus: bundled (generated on first use), catalogue classics, uploads, this repository's source.")
    {
        SetAction(parse =>
        {
            List(library(parse), parse.InvocationConfiguration.Output);
            return ExitCode.Ok;
        });
    }

    private static void List(CorpusLibrary library, TextWriter stdout)
    {
        stdout.WriteLine($"{"ID",-22} {"KIND",-10} {"SIZE",9}  {"STATUS",-11} NAME");
        foreach (var c in library.List())
        {
            string size = c.SizeBytes is { } bytes ? (c.Path is null ? "~" : "") + DownloadProgress.FormatBytes(bytes) : "?";
            string status = c.Available ? (c.Path is null ? "on demand" : "ready")
                : c.Kind == CorpusKinds.Catalog ? "not fetched" : "unavailable";
            stdout.WriteLine($"{c.Id,-22} {c.Kind,-10} {size,9}  {status,-11} {c.Name}");
        }
        stdout.WriteLine();
        stdout.WriteLine($"data directory: {library.DataDirectory}");
        stdout.WriteLine("fetch a catalogue corpus with: charrnn corpora fetch NAME");
    }
}
