using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

public sealed class ErrorsCommandTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    private static readonly string[] Kinds = ["ngramFixable", "rareWord", "afterSpace", "punctuation", "other"];

    [Fact]
    public async Task Json_breaks_the_validation_splits_errors_down_and_colours_every_symbol()
    {
        var result = await CliRunner.Run("errors", "--checkpoint", checkpoint.Run, "--corpus", checkpoint.Corpus, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var breakdown = json.RootElement.GetProperty("breakdown");
        var rows = breakdown.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(Kinds, rows.Select(r => r.GetProperty("category").GetString()));
        int errors = breakdown.GetProperty("errors").GetInt32();
        Assert.Equal(errors, rows.Sum(r => r.GetProperty("count").GetInt32()));
        string perSymbol = breakdown.GetProperty("perSymbol").GetString()!;
        Assert.Equal(breakdown.GetProperty("predictions").GetInt32() + 1, perSymbol.Length);
        Assert.Equal(errors, perSymbol.Count(c => "nrspo".Contains(c)));
        Assert.StartsWith("-", perSymbol);
        Assert.True(errors > 0, "a model trained for 10 iterations gets characters wrong");
    }

    [Fact]
    public async Task Two_runs_side_by_side_say_what_the_second_fixes()
    {
        string text = checkpoint.WriteText("errors.txt", TrainedCheckpoint.Text(5, seed: 9));

        var result = await CliRunner.Run("errors", "--checkpoint", checkpoint.Run, "--corpus", checkpoint.Corpus, "--text", text,
            "--versus", checkpoint.Run, "--oracle-order", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("errors of A  fixed by B  errors of B", result.Stdout);
        Assert.Contains("n-gram fixable (order ≤ 3)", result.Stdout);
        Assert.Contains("right in A, wrong in B: 0", result.Stdout); // the same model: nothing fixed, nothing broken
    }

    [Fact]
    public async Task A_text_with_a_symbol_the_corpus_lacks_is_refused()
    {
        string text = checkpoint.WriteText("odd-errors.txt", "Ann said ~");

        var result = await CliRunner.Run("errors", "--checkpoint", checkpoint.Run, "--corpus", checkpoint.Corpus, "--text", text);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("'~' (U+007E)", result.Stderr);
    }
}
