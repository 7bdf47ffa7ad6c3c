namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn corpora (placeholder until implemented).</summary>
public sealed class CorporaCommand : ICommand
{
    public string Name => "corpora";
    public string Summary => "(not implemented yet)";
    public string Help => "charrnn corpora: not implemented yet.";

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine(Help);
        return Task.FromResult(CommandLine.Failed);
    }
}
