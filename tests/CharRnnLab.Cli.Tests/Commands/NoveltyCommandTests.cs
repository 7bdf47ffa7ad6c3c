using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

public sealed class NoveltyCommandTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task A_sample_copied_from_the_corpus_is_all_copied_and_its_lines_not_new()
    {
        string copied = File.ReadAllText(checkpoint.Corpus)[..400];
        string file = checkpoint.WriteText("copied.txt", copied[..(copied.LastIndexOf('\n') + 1)]);

        var result = await CliRunner.Run("novelty", "--corpus", checkpoint.Corpus, "--sample", file, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var report = json.RootElement.GetProperty("report");
        Assert.Equal(1.0, report.GetProperty("copiedShare").GetDouble());
        Assert.Equal(0, report.GetProperty("novelLines").GetInt32());
        Assert.True(report.GetProperty("lines").GetInt32() > 5);
        Assert.Equal(0.0, report.GetProperty("novelLineShare").GetDouble());
    }

    [Fact]
    public async Task A_sample_drawn_from_a_checkpoint_is_checked_and_reported_in_lines()
    {
        var result = await CliRunner.Run("novelty", "--corpus", checkpoint.Corpus, "--checkpoint", checkpoint.Run, "--length", "300", "--seed", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sample: 300 symbols", result.Stdout);
        Assert.Contains("longest piece found in training:", result.Stdout);
        Assert.Contains("copied in pieces of ≥ 20:", result.Stdout);
    }

    [Theory]
    [InlineData("", "Give the sample")]
    [InlineData("--sample a.txt --checkpoint run", "--sample and --checkpoint cannot be combined")]
    [InlineData("--sample a.txt --length 5", "--length applies to a sample drawn with --checkpoint only")]
    public async Task A_missing_or_mixed_sample_is_a_usage_error(string options, string message)
    {
        var result = await CliRunner.Run(["novelty", "--corpus", checkpoint.Corpus, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task A_missing_sample_file_is_named_with_its_option()
    {
        var result = await CliRunner.Run("novelty", "--corpus", checkpoint.Corpus, "--sample", "/nonexistent/s.txt");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("'/nonexistent/s.txt' does not exist. Give a UTF-8 text file with --sample", result.Stderr);
    }
}
