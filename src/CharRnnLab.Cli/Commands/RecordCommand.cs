using System.CommandLine;
using System.Diagnostics;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Export;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn record: runs a checkpoint over a text and saves every cell's values as .npy files.</summary>
public sealed class RecordCommand : Command
{
    private readonly RecordingInputOptions _input = new();
    private readonly InterventionOptions _interventions = new();
    private readonly Option<string> _out = ValueOptions.Required("--out",
        "where to write text.txt, layerN_KIND.npy (float32, shape (characters, units)), next-symbol guesses and index.json; must be new or empty", "DIR");
    private readonly Option<bool> _csv = ValueOptions.Switch("--csv", "also write a CSV beside each .npy");
    private readonly Option<bool> _force = ValueOptions.Switch("--force", "write into a non-empty --out, replacing files of the same names");

    public RecordCommand() : base("record",
        "Save every cell's activations over a text as NumPy .npy files (row t: the state after reading character t); " +
        "--clamp, --ablate and --scale record the model under those edits.")
    {
        _input.AddTo(this);
        _interventions.AddTo(this);
        Options.Add(_out);
        Options.Add(_csv);
        Options.Add(_force);
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var input = _input.Read(parse);
        var recording = input with { Options = input.Options with { Interventions = _interventions.Read(parse) } };
        string output = parse.GetRequiredValue(_out);
        bool csv = parse.GetValue(_csv);
        bool force = parse.GetValue(_force);
        if (!force && Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            throw new CharRnnException($"The output directory '{output}' is not empty. Choose a new directory, or pass --force to write into it.");
        if (File.Exists(output))
            throw new CharRnnException($"'{output}' is a file. Give a directory for --out.");

        var clock = Stopwatch.StartNew();
        var result = await recording.RecordAsync();
        double seconds = clock.Elapsed.TotalSeconds;
        var export = RecordingExporter.Write(result, output, csv, recording.Checkpoint);
        long bytes = export.Arrays.Sum(a => new FileInfo(Path.Combine(output, a.File)).Length);
        var mode = result.Mode;
        stdout.WriteLine($"Recorded {result.Characters:N0} characters through {result.Config.Cell.ToString().ToUpperInvariant()} " +
            $"{result.Layers}×{result.Units} in {seconds:F1} s " +
            (mode.IsExact ? "(exact single pass)" : $"({mode.Streams} streams, warm-up {mode.WarmUp})") +
            (result.Interventions.Count > 0 ? $" with {string.Join(", ", result.Interventions)}" : "") + ".");
        stdout.WriteLine($"Wrote {export.Arrays.Count} arrays ({bytes / 1e6:F1} MB) and {RecordingExporter.IndexFile} to {output}");
        return ExitCode.Ok;
    }
}
