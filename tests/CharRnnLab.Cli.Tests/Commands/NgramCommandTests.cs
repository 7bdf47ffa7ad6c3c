using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

public sealed class NgramCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _corpus;

    public NgramCommandTests() => _corpus = CliRunner.WriteCorpus(_dir.Path, 6000);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Json_has_one_row_per_order_and_the_index_is_cached_next_to_the_corpus()
    {
        var first = await CliRunner.Run("ngram", "--corpus", _corpus, "--orders", "2-4", "--val-fraction", "0.1", "--json");
        var second = await CliRunner.Run("ngram", "--corpus", _corpus, "--orders", "2-4", "--val-fraction", "0.1", "--json");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        using var a = JsonDocument.Parse(first.Stdout);
        using var b = JsonDocument.Parse(second.Stdout);
        var report = a.RootElement.GetProperty("report");
        var orders = report.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], orders.Select(o => o.GetProperty("order").GetInt32()));
        Assert.All(orders, o => Assert.Equal(o.GetProperty("nats").GetDouble() / Math.Log(2), o.GetProperty("bits").GetDouble(), 9));
        Assert.Equal(600, report.GetProperty("validationSymbols").GetInt32());
        Assert.Equal(("built", "loaded"), (report.GetProperty("index").GetString(), b.RootElement.GetProperty("report").GetProperty("index").GetString()));
        Assert.True(File.Exists(report.GetProperty("cachePath").GetString()));
        Assert.True(a.RootElement.GetProperty("process").GetProperty("peakWorkingSetMb").GetDouble() > 0);
        Assert.Equal(orders.Select(o => o.GetProperty("nats").GetDouble()),
            b.RootElement.GetProperty("report").GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("nats").GetDouble()));
    }

    [Fact]
    public async Task The_table_lists_each_order_with_nats_and_bits()
    {
        var result = await CliRunner.Run("ngram", "--corpus", _corpus, "--orders", "3");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Stdout.Split('\n').Where(l => l.TrimStart().StartsWith("3 ")).ToList();
        Assert.Single(rows);
        Assert.Contains("interpolated Kneser–Ney", result.Stdout);
        Assert.Contains("one suffix array serves all orders", result.Stdout);
    }

    [Fact]
    public async Task A_sample_has_the_length_asked_for_and_repeats_with_its_seed()
    {
        string[] args = ["ngram", "--corpus", _corpus, "--order", "5", "--sample", "120", "--temperature", "0.7", "--seed", "3"];
        var a = await CliRunner.Run(args);
        var b = await CliRunner.Run(args);
        var unsmoothed = await CliRunner.Run([.. args, "--unsmoothed"]);

        Assert.Equal((0, 0, 0), (a.ExitCode, b.ExitCode, unsmoothed.ExitCode));
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.Equal(120, a.Stdout.TrimEnd('\n').EnumerateRunes().Count());
        string training = File.ReadAllText(_corpus);
        Assert.All(unsmoothed.Stdout.TrimEnd('\n'), c => Assert.Contains(c, training));
    }

    [Theory]
    [InlineData("--sample 10", "--sample needs --order N")]
    [InlineData("--orders 5-3", "--orders must be LOW-HIGH")]
    [InlineData("--orders 1-21", "--orders must be LOW-HIGH")]
    [InlineData("--temperature 0.5", "--temperature applies to sampling only")]
    [InlineData("--unsmoothed", "--unsmoothed applies to sampling only")]
    [InlineData("--orders 1-3 --sample 10 --order 2", "--orders and --sample cannot be combined")]
    [InlineData("--val-fraction 0.9", "--val-fraction")]
    public async Task A_bad_combination_is_a_usage_error_that_names_the_option(string options, string message)
    {
        var result = await CliRunner.Run(["ngram", "--corpus", _corpus, .. options.Split(' ')]);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task No_validation_split_is_refused_with_what_to_do()
    {
        var result = await CliRunner.Run("ngram", "--corpus", _corpus, "--val-fraction", "0");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("charrnn ngram: The validation fraction is 0", result.Stderr);
    }
}
