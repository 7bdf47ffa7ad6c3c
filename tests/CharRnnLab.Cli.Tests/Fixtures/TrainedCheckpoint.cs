using System.Text;

namespace CharRnnLab.Cli.Tests.Fixtures;

/// <summary>
/// A tiny 2-layer LSTM trained for a few iterations (about a second) on text with quotes,
/// brackets and short lines, shared by the tests of one class.
/// </summary>
public sealed class TrainedCheckpoint : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public string Run => _directory.File("run");
    public string Corpus => _directory.File("corpus.txt");
    public string Directory => _directory.Path;

    /// <summary>Lines like `Ann said "go (now)" to Bob.`: every symbol a recorded text may use.</summary>
    public static string Text(int lines, int seed = 1)
    {
        var random = new Random(seed);
        string[] names = ["Ann", "Bob", "Cy"], words = ["go", "now", "stay", "here", "run"];
        var text = new StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            string Pick(string[] from) => from[random.Next(from.Length)];
            text.Append($"{Pick(names)} said \"{Pick(words)} ({Pick(words)} [{Pick(words)}])\" to {Pick(names)}.\n");
        }
        return text.ToString();
    }

    public async Task InitializeAsync()
    {
        File.WriteAllText(Corpus, Text(200));
        var result = await CliRunner.Run(CliRunner.TinyTrain(Corpus, Run, iterations: 10, layers: 2));
        if (result.ExitCode != 0) throw new InvalidOperationException("training the test checkpoint failed: " + result.Stderr);
    }

    /// <summary>Writes a text file into the shared directory and returns its path.</summary>
    public string WriteText(string name, string text)
    {
        string path = _directory.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
