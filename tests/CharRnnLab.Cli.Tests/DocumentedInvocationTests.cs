using System.CommandLine;
using System.CommandLine.Parsing;

namespace CharRnnLab.Cli.Tests;

/// <summary>
/// Every command line the docs show, and every flag of each verb's help before System.CommandLine,
/// still parses (the parse only: nothing runs). An unknown option or a refused value fails.
/// </summary>
public class DocumentedInvocationTests
{
    public static TheoryData<string, string> Documented()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, line) in DocumentedInvocations.All) data.Add(file, line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void A_documented_command_line_parses(string file, string commandLine) =>
        AssertParses($"{file}: charrnn {commandLine}", CommandLineParser.SplitCommandLine(commandLine).ToArray());

    [Fact]
    public void The_docs_show_every_verb()
    {
        var verbs = DocumentedInvocations.All.Select(i => i.CommandLine.Split(' ')[0]).ToHashSet();

        Assert.Equal(CharRnnCli.CreateRoot().Subcommands.Select(c => c.Name).Order(), verbs.Order());
    }

    /// <summary>Each verb's help text before System.CommandLine, every flag given once (values as the help described them).</summary>
    [Theory]
    [InlineData("train --corpus in.txt --out run --resume --model gru --hidden 64 --layers 3 --embedding 16 --dropout 0.25 " +
                "--batch 20 --seq 40 --lr 0.004 --lr-decay 0.95 --optimizer rmsprop --grad-clip 0 --val-fraction 0.1 " +
                "--eval-every 50 --checkpoint-every 0 --sample-every 25 --sample-length 80 --seed 7 --threads 1 --device auto --json")]
    [InlineData("train --corpus in.txt --out run --epochs 2.5 --device CPU")]
    [InlineData("train --corpus=in.txt --out=run --resume=false --json=true --decay-after -1 --decay-every 100 --eval-batches 0 " +
                "--sample-temperature 0 --explode-factor 4")]
    [InlineData("sample --checkpoint run --length 100 --temperature 0.5 --top-k 5 --prime \"The \" --seed -3")]
    [InlineData("sample --checkpoint run/checkpoint.crnn --argmax")]
    [InlineData("sample --checkpoint run --precision exact")]
    [InlineData("sample --checkpoint run --temperatures 0.5,1.0,1.5 --length 300 --seed 1")]
    [InlineData("bench --model rnn --hidden 8 --layers 1 --embedding 4 --batch 2 --seq 4 --iterations 3 --warmup 1 --rounds 1 " +
                "--threads 1 --corpus in.txt --sample-length 20 --record-chars 0")]
    [InlineData("bench --suite post --json --gemm-size 256 --iterations 2")]
    [InlineData("corpora list --data-dir data")]
    [InlineData("corpora --data-dir data fetch tiny-shakespeare --force --retrust")]
    [InlineData("corpora path dialogue --data-dir data")]
    [InlineData("record --checkpoint run --text in.txt --out acts --layers 1,2 --kinds cell,hidden --streams 1 --warm-up 0 " +
                "--threads 1 --csv --force")]
    [InlineData("record --checkpoint run --text in.txt --out acts --layers all --kinds all")]
    [InlineData("neurons --checkpoint run --text in.txt --feature quote,url --feature indent --top 3 --probe --gates " +
                "--range 10:20 --threshold 0.25 --margin 2 --json --layers 2 --kinds tanh_cell --streams 8 --warm-up 10 --threads 1")]
    [InlineData("eval --checkpoint run --text in.txt --json")]
    [InlineData("export --checkpoint run --out model.pt --format pt")]
    public void Every_flag_of_the_former_help_still_parses(string commandLine) =>
        AssertParses(commandLine, CommandLineParser.SplitCommandLine(commandLine).ToArray());

    // A doc may show part of a command (`charrnn train --out DIR`) or name a verb group (`charrnn corpora`):
    // what is left out is filled in or skipped; what is written must parse.
    private static void AssertParses(string what, string[] words)
    {
        var root = CharRnnCli.CreateRoot();
        var command = root.Parse(words, CharRnnCli.Parsing).CommandResult.Command;
        var leftOut = command.Options.Where(o => o.Required && !words.Any(w => w == o.Name || w.StartsWith(o.Name + "=")))
            .SelectMany(o => new[] { o.Name, "x" });
        var parse = root.Parse([.. words, .. leftOut], CharRnnCli.Parsing);

        Assert.True(parse.UnmatchedTokens.Count == 0, $"{what}: unknown {string.Join(", ", parse.UnmatchedTokens)}");
        if (command.Subcommands.Count > 0) return; // a group named in prose, e.g. "charrnn corpora"
        Assert.True(parse.Errors.Count == 0, $"{what}: {string.Join(" ", parse.Errors.Select(e => e.Message))}");
    }
}
