namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn neurons (placeholder until implemented).</summary>
public sealed class NeuronsCommand : ICommand
{
    public string Name => "neurons";
    public string Summary => "(not implemented yet)";
    public string Help => "charrnn neurons: not implemented yet.";

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine(Help);
        return Task.FromResult(CommandLine.Failed);
    }
}
