using System.CommandLine;
using System.CommandLine.Parsing;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Checkpoints.Export;
using CharRnnLab.Core.Compute;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn export: a checkpoint's weights for PyTorch, as safetensors or a torch.save file.</summary>
public sealed class ExportCommand : Command
{
    private readonly Option<string> _checkpoint = CheckpointOption.Create();
    private readonly Option<string> _out = ValueOptions.Required("--out", "the file to write (replaced if it exists)", "FILE");
    private readonly Option<ExportFormat> _format = ValueOptions.LastOneCounts(new Option<ExportFormat>("--format")
    {
        Description = "safetensors, or pt (a torch.save file: state_dict and metadata)",
        HelpName = string.Join("|", ExportFormats.Names),
        DefaultValueFactory = _ => ExportFormat.Safetensors,
        CustomParser = ParseFormat,
    });

    public ExportCommand() : base("export",
        "Write a checkpoint's weights for PyTorch under its parameter names (rnn.weight_ih_l0, …); docs/python.md loads them.")
    {
        Options.Add(_checkpoint);
        Options.Add(_out);
        _format.CompletionSources.Add([.. ExportFormats.Names]);
        Options.Add(_format);
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        string checkpoint = parse.GetRequiredValue(_checkpoint), output = parse.GetRequiredValue(_out);
        var format = parse.GetValue(_format);
        using var lane = new ComputeLane(); // the .pt file is written through libtorch tensors
        await lane.Run(() => WeightsExporter.Export(checkpoint, format, output));
        parse.InvocationConfiguration.Output.WriteLine(
            $"Wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length:N0} bytes, {ExportFormats.Name(format)}); docs/python.md loads it into PyTorch.");
        return ExitCode.Ok;
    }

    private static ExportFormat ParseFormat(ArgumentResult result)
    {
        string name = result.Tokens[^1].Value;
        if (!ExportFormats.TryParse(name, out var format))
            result.AddError($"--format must be one of {string.Join("|", ExportFormats.Names)} (got '{name}').");
        return format;
    }
}
