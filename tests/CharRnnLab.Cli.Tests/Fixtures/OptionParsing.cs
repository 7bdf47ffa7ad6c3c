using System.CommandLine;

namespace CharRnnLab.Cli.Tests.Fixtures;

/// <summary>Parses a command line against one option alone, to test that option's rules.</summary>
internal static class OptionParsing
{
    public static ParseResult Parse(Option option, params string[] args) => new RootCommand { option }.Parse(args);
}
