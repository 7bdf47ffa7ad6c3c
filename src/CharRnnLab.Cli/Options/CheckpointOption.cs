using System.CommandLine;

namespace CharRnnLab.Cli.Options;

/// <summary>--checkpoint, the trained model every reading verb starts from.</summary>
internal static class CheckpointOption
{
    public static Option<string> Create() =>
        ValueOptions.Required("--checkpoint", "a run directory (or its checkpoint.crnn)", "DIR|FILE");
}
