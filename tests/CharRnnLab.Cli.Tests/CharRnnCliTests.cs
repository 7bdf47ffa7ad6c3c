using System.CommandLine;
using CharRnnLab.Core;

namespace CharRnnLab.Cli.Tests;

/// <summary>How `charrnn` reads a command line (parse only, no work) and what it exits with.</summary>
public class CharRnnCliTests
{
    private static ParseResult Parse(params string[] args) => CharRnnCli.CreateRoot().Parse(args, CharRnnCli.Parsing);

    private static void AssertParses(ParseResult parse) =>
        Assert.True(parse.Errors.Count == 0, string.Join("\n", parse.Errors.Select(e => e.Message)));

    [Theory]
    [InlineData("fetch", "--force", "tiny-shakespeare")]
    [InlineData("fetch", "tiny-shakespeare", "--force")]
    [InlineData("fetch", "--retrust", "--force", "tiny-shakespeare")]
    public void A_switch_before_a_positional_word_leaves_the_word_positional(params string[] words)
    {
        var parse = Parse(["corpora", .. words]);

        AssertParses(parse);
        Assert.True(parse.GetValue<bool>("--force"));
        Assert.Equal("tiny-shakespeare", parse.GetValue<string>("NAME"));
    }

    [Theory]
    [InlineData("--force=false", false)]
    [InlineData("--force=true", true)]
    [InlineData("--force", true)]
    public void A_switch_takes_a_value_only_after_an_equals_sign(string word, bool expected)
    {
        var parse = Parse("corpora", "fetch", word, "tiny-shakespeare");

        AssertParses(parse);
        Assert.Equal(expected, parse.GetValue<bool>("--force"));
    }

    [Fact]
    public void A_switch_given_a_word_that_is_not_true_or_false_is_refused_by_name()
    {
        var parse = Parse("corpora", "fetch", "tiny-shakespeare", "--force=yes");

        Assert.Equal("Unrecognized command or argument 'yes'.", Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void Negative_numbers_are_values_of_the_option_before_them()
    {
        var train = Parse("train", "--corpus", "a.txt", "--out", "run", "--decay-after", "-1", "--seed", "-7");
        var neurons = Parse("neurons", "--checkpoint", "run", "--text", "a.txt", "--threshold", "-1.5", "--probe");

        AssertParses(train);
        Assert.Equal("-1", train.GetValue<string>("--decay-after"));
        Assert.Equal("-7", train.GetValue<string>("--seed"));
        AssertParses(neurons);
        Assert.Equal(-1.5, neurons.GetValue<double>("--threshold"));
        Assert.True(neurons.GetValue<bool>("--probe"));
    }

    [Fact]
    public void An_option_given_twice_takes_its_last_value()
    {
        var parse = Parse("train", "--corpus", "a.txt", "--out", "run", "--hidden", "16", "--layers", "1", "--hidden", "32", "--out", "other");

        AssertParses(parse);
        Assert.Equal("32", parse.GetValue<string>("--hidden"));
        Assert.Equal("other", parse.GetValue<string>("--out"));
    }

    [Fact]
    public void A_value_may_start_with_an_at_sign()
    {
        var parse = Parse("sample", "--checkpoint", "run", "--prime", "@home");

        AssertParses(parse); // no response file is read
        Assert.Equal("@home", parse.GetValue<string?>("--prime"));
    }

    [Theory]
    [InlineData("train", "--bogus")]
    [InlineData("sample", "--lenght")]
    [InlineData("neurons", "--feature=quote", "--gate")]
    public async Task An_unknown_option_exits_2_naming_it(string verb, params string[] words)
    {
        var result = await CliRunner.Run([verb, .. words]);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains($"Unrecognized command or argument '{words[^1]}'", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("bench")]
    [InlineData("corpora", "fetch")]
    public async Task Help_exits_0_on_stdout_even_beside_bad_options(params string[] verb)
    {
        var result = await CliRunner.Run([.. verb, "--help", "--hidden", "0"]);

        Assert.Equal((ExitCode.Ok, ""), (result.ExitCode, result.Stderr));
        Assert.Contains($" {string.Join(" ", verb)} ", result.Stdout);
        Assert.Contains("Options:", result.Stdout);
    }

    [Fact]
    public async Task No_verb_exits_2_listing_the_verbs()
    {
        var result = await CliRunner.Run();

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        foreach (string verb in new[] { "train", "sample", "bench", "corpora", "record", "neurons", "eval", "export" })
            Assert.Matches($@"(?m)^\s+{verb}\s", result.Stderr);
    }

    [Theory]
    [InlineData("train --hid", new[] { "--hidden" })]
    [InlineData("train --model ", new[] { "gru", "lstm", "rnn" })]
    [InlineData("corp", new[] { "corpora" })]
    public async Task The_suggest_directive_completes_verbs_options_and_choices(string line, string[] expected)
    {
        var result = await CliRunner.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_refusal_prints_the_verb_and_message_and_exits_2_without_a_stack_trace()
    {
        var refusing = new Command("refuse");
        refusing.SetAction(int (ParseResult _) => throw new CharRnnException("That text is empty. Give a longer one."));

        var result = await CliRunner.Run(CharRnnCli.Root(refusing), "refuse");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal("charrnn refuse: That text is empty. Give a longer one.", result.Stderr.Trim());
    }

    [Fact]
    public async Task An_unexpected_error_exits_1_with_what_to_report()
    {
        var failing = new Command("fail");
        failing.SetAction(int (ParseResult _) => throw new InvalidOperationException("lost the lane"));

        var result = await CliRunner.Run(CharRnnCli.Root(failing), "fail");

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.StartsWith("charrnn fail: unexpected error", result.Stderr);
        Assert.Contains("lost the lane", result.Stderr);
    }
}
