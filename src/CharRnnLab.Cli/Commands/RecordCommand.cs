using System.Diagnostics;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Export;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn record: runs a checkpoint over a text and saves every cell's values as .npy files.</summary>
public sealed class RecordCommand : ICommand
{
    public string Name => "record";
    public string Summary => "save every cell's activations over a text as NumPy .npy files";
    public IReadOnlyCollection<string> Switches => ["csv", "force"];
    public string Help => $"""
        usage: charrnn record --checkpoint DIR --text FILE --out DIR [options]

        {RecordingArguments.Help}
          --out DIR                where to write text.txt, layerN_KIND.npy (float32, shape (characters, units)),
                                   next-symbol guesses and index.json; must be new or empty
          --csv                    also write a CSV beside each .npy
          --force                  write into a non-empty --out, replacing files of the same names
        Row t of every array is the state after reading character t of text.txt.
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        var recording = RecordingArguments.Read(args);
        string output = args.Required("out");
        bool csv = args.Flag("csv");
        bool force = args.Flag("force");
        args.EnsureAllUsed();
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
            (mode.IsExact ? "(exact single pass)" : $"({mode.Streams} streams, warm-up {mode.WarmUp})") + ".");
        stdout.WriteLine($"Wrote {export.Arrays.Count} arrays ({bytes / 1e6:F1} MB) and {RecordingExporter.IndexFile} to {output}");
        return CommandLine.Ok;
    }
}
