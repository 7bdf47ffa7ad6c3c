namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn train (placeholder until implemented).</summary>
public sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "(not implemented yet)";
    public string Help => "charrnn train: not implemented yet.";

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine(Help);
        return Task.FromResult(CommandLine.Failed);
    }
}
