using CharRnnLab.Core.Checkpoints.Export;
using CharRnnLab.Core.Compute;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn export: a checkpoint's weights for PyTorch, as safetensors or a torch.save file.</summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";
    public string Summary => "write a checkpoint's weights for PyTorch (safetensors or .pt)";
    public IReadOnlyCollection<string> Switches => [];
    public string Help => $"""
        usage: charrnn export --checkpoint DIR --out FILE [--format {string.Join("|", ExportFormats.Names)}]

          --checkpoint DIR|FILE    a run directory (or its checkpoint.crnn)
          --out FILE               the file to write (replaced if it exists)
          --format F               safetensors (default) or pt (a torch.save file: state_dict and metadata)
        The tensors carry PyTorch's names (rnn.weight_ih_l0, …, embedding.weight, decoder.weight,
        decoder.bias); the vocabulary and model shape are metadata. docs/python.md loads them.
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        string checkpoint = args.Required("checkpoint");
        string output = args.Required("out");
        string formatName = args.String("format") ?? ExportFormats.Name(ExportFormat.Safetensors);
        args.EnsureAllUsed();
        if (!ExportFormats.TryParse(formatName, out var format))
            throw new UsageException($"--format must be one of {string.Join("|", ExportFormats.Names)} (got '{formatName}').");

        using var lane = new ComputeLane(); // the .pt file is written through libtorch tensors
        await lane.Run(() => WeightsExporter.Export(checkpoint, format, output));
        stdout.WriteLine($"Wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length:N0} bytes, {ExportFormats.Name(format)}); " +
                         "docs/python.md loads it into PyTorch.");
        return CommandLine.Ok;
    }
}
