namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn record (placeholder until implemented).</summary>
public sealed class RecordCommand : ICommand
{
    public string Name => "record";
    public string Summary => "(not implemented yet)";
    public string Help => "charrnn record: not implemented yet.";

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine(Help);
        return Task.FromResult(CommandLine.Failed);
    }
}
