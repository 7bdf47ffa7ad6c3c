using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

public class InfluenceCommandTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task One_position_gives_a_norm_per_earlier_input()
    {
        string file = checkpoint.WriteText("influence.txt", TrainedCheckpoint.Text(10, seed: 3));

        var json = await CliRunner.Run("influence", "--checkpoint", checkpoint.Run, "--text", file, "--at", "100", "--span", "30", "--json", "--threads", "1");
        var table = await CliRunner.Run("influence", "--checkpoint", checkpoint.Run, "--text", file, "--at", "100", "--span", "30", "--threads", "1");

        Assert.Equal((0, ""), (json.ExitCode, json.Stderr));
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(30, document.RootElement.GetProperty("norms").GetArrayLength());
        Assert.Equal("one-hot", document.RootElement.GetProperty("inputKind").GetString());
        Assert.Contains("at position 100", table.Stdout);
        Assert.Contains("Half of the total lies within the last", table.Stdout);
    }

    [Fact]
    public async Task The_span_chart_averages_over_positions()
    {
        string file = checkpoint.WriteText("chart.txt", TrainedCheckpoint.Text(20, seed: 6));

        var result = await CliRunner.Run("influence", "--checkpoint", checkpoint.Run, "--text", file, "--span-chart", "--span", "50",
            "--positions", "8", "--warm-up", "20", "--json", "--threads", "1");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(50, document.RootElement.GetProperty("meanNorms").GetArrayLength());
        Assert.Equal(8, document.RootElement.GetProperty("positions").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "--at", "5", "--span-chart" }, "give either --at N")]
    [InlineData(new string[0], "give either --at N")]
    [InlineData(new[] { "--span-chart", "--span", "900" }, "needs more than 1,200")]
    [InlineData(new[] { "--at", "99999" }, "the position must be between 1 and")]
    public async Task Bad_requests_say_what_to_give(string[] options, string expected)
    {
        string file = checkpoint.WriteText("short.txt", TrainedCheckpoint.Text(5));

        var result = await CliRunner.Run(["influence", "--checkpoint", checkpoint.Run, "--text", file, .. options]);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }
}
