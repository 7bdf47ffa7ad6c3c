using System.CommandLine;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Options;

/// <summary>--corpus FILE and --val-fraction F: a corpus and the runs' split of it, for the verbs that index its training split.</summary>
internal sealed class CorpusSplitOptions
{
    private readonly Option<string> _corpus;
    private readonly RunOptions _split = new(RunConfig.Default, [RunSettings.ValidationFraction]);

    public CorpusSplitOptions(string corpusDescription) =>
        _corpus = ValueOptions.Required("--corpus", corpusDescription, "FILE");

    public void AddTo(Command command)
    {
        command.Options.Add(_corpus);
        _split.AddTo(command);
    }

    public (Corpus Corpus, double ValidationFraction) Read(ParseResult parse) =>
        (CorpusLoader.LoadFile(parse.GetRequiredValue(_corpus)), _split.ApplyTo(parse, RunConfig.Default).Training.ValidationFraction);
}
