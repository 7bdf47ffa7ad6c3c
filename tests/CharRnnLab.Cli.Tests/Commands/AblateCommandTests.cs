using System.Text.Json;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Interventions;

namespace CharRnnLab.Cli.Tests.Commands;

public class AblateCommandTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task Json_ranks_every_unit_by_loss_change_with_classes_and_correlations()
    {
        string text = TrainedCheckpoint.Text(30, seed: 4);
        string file = checkpoint.WriteText("ablate.txt", text);

        var result = await CliRunner.Run("ablate", "--checkpoint", checkpoint.Run, "--text", file, "--layer", "1", "--kind", "c",
            "--feature", "quote,brackets", "--json", "--threads", "1");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToArray();
        Assert.Equal(16, units.Length);
        var changes = units.Select(u => u.GetProperty("lossChange").GetDouble()).ToArray();
        Assert.Equal(changes.OrderDescending(), changes);
        var expected = AblationRanker.Rank(CheckpointFile.LoadWeights(checkpoint.Run), text, 0, InterventionTarget.Cell, [new QuoteTrack()]);
        Assert.Equal(expected.Units[0].Unit, units[0].GetProperty("unit").GetInt32());
        Assert.Equal(["quote", "brackets"], units[0].GetProperty("byFeature").EnumerateArray().Select(f => f.GetProperty("feature").GetString()));
        Assert.All(units, u => Assert.InRange(u.GetProperty("byFeature")[0].GetProperty("correlationRank").GetInt32(), 1, 16));
    }

    [Fact]
    public async Task The_table_sorts_by_a_feature_when_asked()
    {
        var result = await CliRunner.Run("ablate", "--checkpoint", checkpoint.Run, "--text", checkpoint.WriteText("by.txt", TrainedCheckpoint.Text(20)),
            "--by", "quote", "--mean", "--top", "5", "--threads", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("layer 2 c, each of 16 units ablated", result.Stdout);
        Assert.Contains("sorted by quote", result.Stdout);
        Assert.Equal(5, result.Stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+\s+\d+\s+[+-]")));
    }

    [Theory]
    [InlineData("--kind", "x", "--kind must be c (LSTM cell state) or h")]
    [InlineData("--by", "url", "--by url: sort by one of the features given (quote, comment)")]
    [InlineData("--layer", "3", "there is no layer 3")]
    public async Task Bad_choices_are_refused_by_name(string option, string value, string expected)
    {
        var result = await CliRunner.Run("ablate", "--checkpoint", checkpoint.Run, "--text", checkpoint.WriteText("bad.txt", TrainedCheckpoint.Text(3)),
            "--feature", "quote", "--feature", "comment", option, value);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }
}
