namespace CharRnnLab.Cli.Tests.Commands;

public class AnalysisArgumentTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Theory]
    [InlineData("Option '--checkpoint' is required", "record", "--text", "a", "--out", "b")]
    [InlineData("Option '--text' is required", "neurons", "--checkpoint", "x")]
    [InlineData("Option '--out' is required", "record", "--checkpoint", "x", "--text", "y")]
    [InlineData("--feature must be one of quote|url|linepos|indent|brackets|comment (got 'sarcasm')", "neurons", "--checkpoint", "x", "--text", "y", "--feature", "sarcasm")]
    [InlineData("--range must be START:END", "neurons", "--checkpoint", "x", "--text", "y", "--range", "5-9")]
    [InlineData("--layers: '0' is not one of the accepted values", "record", "--checkpoint", "x", "--text", "y", "--out", "z", "--layers", "0")]
    [InlineData("--kinds: 'spin' is not one of the accepted values", "neurons", "--checkpoint", "x", "--text", "y", "--kinds", "hidden,spin")]
    [InlineData("--streams must be between 1 and 4096 (got 0)", "record", "--checkpoint", "x", "--text", "y", "--out", "z", "--streams", "0")]
    [InlineData("--top must be between 1 and 10000 (got 0)", "neurons", "--checkpoint", "x", "--text", "y", "--top", "0")]
    [InlineData("Unrecognized command or argument '--bogus'", "neurons", "--checkpoint", "x", "--text", "y", "--bogus")]
    public async Task Bad_arguments_exit_2_with_the_commands_help(string expected, params string[] args)
    {
        var result = await CliRunner.Run(args);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Contains("Usage:", result.Stderr);
        Assert.Contains($" {args[0]} [options]", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task A_missing_checkpoint_is_a_clear_user_error()
    {
        var result = await CliRunner.Run("neurons", "--checkpoint", Path.Combine(checkpoint.Directory, "nowhere"), "--text", checkpoint.Corpus);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("No checkpoint found", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    public static TheoryData<string, string[]> InputErrors() => new()
    {
        { "does not exist. Give a UTF-8 text file with --text", ["--text", "missing.txt"] },
        { "is empty", ["--text", "empty.txt"] },
        { "is not valid UTF-8", ["--text", "latin1.txt"] },
        { "'⚡' (U+26A1)", ["--text", "unknown.txt"] },
        { "there is no layer 3", ["--text", "ok.txt", "--layers", "3"] },
        { "LSTM layer has no reset_gate values", ["--text", "ok.txt", "--kinds", "reset_gate"] },
        { "is not a non-empty part of the", ["--text", "ok.txt", "--range", "5:500"] },
    };

    [Theory]
    [MemberData(nameof(InputErrors))]
    public async Task Bad_input_exits_2_with_a_message_that_says_what_to_fix(string expected, string[] args)
    {
        checkpoint.WriteText("empty.txt", "");
        checkpoint.WriteText("unknown.txt", "Ann said ⚡");
        checkpoint.WriteText("ok.txt", TrainedCheckpoint.Text(2));
        File.WriteAllBytes(Path.Combine(checkpoint.Directory, "latin1.txt"), [0x41, 0xE9, 0x42]);
        string[] resolved = args.Select(a => a.EndsWith(".txt") ? Path.Combine(checkpoint.Directory, a) : a).ToArray();

        var result = await CliRunner.Run(["neurons", "--checkpoint", checkpoint.Run, "--threads", "1", .. resolved]);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
