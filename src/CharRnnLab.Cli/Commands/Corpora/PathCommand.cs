using System.CommandLine;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>charrnn corpora path ID: makes a corpus available (generates or builds it) and prints its file path.</summary>
internal sealed class PathCommand : Command
{
    private readonly Argument<string> _id = new("ID") { Description = "the corpus, as `corpora list` names it" };

    public PathCommand(Func<ParseResult, CorpusLibrary> library)
        : base("path", "Make a corpus available (generate or build it) and print its file path.")
    {
        Arguments.Add(_id);
        SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(library(parse).EnsureAvailable(parse.GetRequiredValue(_id)));
            return ExitCode.Ok;
        });
    }
}
