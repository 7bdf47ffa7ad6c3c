using System.CommandLine;
using System.Text;

namespace CharRnnLab.Cli.Tests.Fixtures;

/// <summary>Runs `charrnn ...` in-process and captures what it writes.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static Task<CliResult> Run(params string[] args) => Run(CharRnnCli.CreateRoot(), args);

    /// <summary>Runs <paramref name="args"/> against <paramref name="root"/> (verbs built with fakes).</summary>
    public static async Task<CliResult> Run(RootCommand root, params string[] args)
    {
        var stdout = new LockedWriter();
        var stderr = new LockedWriter();
        int code = await CharRnnCli.RunAsync(root, args, stdout, stderr).WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A tiny text made by the generator the bench uses: fast to train on.</summary>
    public static string WriteCorpus(string directory, int length = 4000)
    {
        string path = Path.Combine(directory, "input.txt");
        File.WriteAllText(path, SyntheticText.Generate(length));
        return path;
    }

    /// <summary>Options for a run that takes about a second.</summary>
    public static string[] TinyTrain(string corpus, string outDir, int iterations = 20, int layers = 1) =>
    [
        "train", "--corpus", corpus, "--out", outDir, "--hidden", "16", "--layers", layers.ToString(), "--batch", "4", "--seq", "16",
        "--iterations", iterations.ToString(), "--eval-every", "10", "--sample-every", "0", "--threads", "1", "--lr", "0.01",
    ];
}

/// <summary>A StringWriter that may be written from the training thread while a test reads it.</summary>
internal sealed class LockedWriter : StringWriter
{
    private readonly object _gate = new();
    public override void Write(char value) { lock (_gate) base.Write(value); }
    public override void Write(string? value) { lock (_gate) base.Write(value); }
    public override void Write(char[] buffer, int index, int count) { lock (_gate) base.Write(buffer, index, count); }
    public override void WriteLine(string? value) { lock (_gate) base.WriteLine(value); }
    public override string ToString() { lock (_gate) return base.ToString(); }
    public override Encoding Encoding => Encoding.UTF8;
}
