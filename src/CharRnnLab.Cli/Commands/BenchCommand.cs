namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn bench (placeholder until implemented).</summary>
public sealed class BenchCommand : ICommand
{
    public string Name => "bench";
    public string Summary => "(not implemented yet)";
    public string Help => "charrnn bench: not implemented yet.";

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine(Help);
        return Task.FromResult(CommandLine.Failed);
    }
}
