namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn sample (placeholder until implemented).</summary>
public sealed class SampleCommand : ICommand
{
    public string Name => "sample";
    public string Summary => "(not implemented yet)";
    public string Help => "charrnn sample: not implemented yet.";

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine(Help);
        return Task.FromResult(CommandLine.Failed);
    }
}
