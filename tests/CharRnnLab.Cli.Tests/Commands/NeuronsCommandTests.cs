using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

public class NeuronsCommandTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task Json_report_ranks_cells_per_feature_with_probe_gates_and_range()
    {
        string text = checkpoint.WriteText("json.txt", TrainedCheckpoint.Text(40, seed: 2));

        var result = await CliRunner.Run("neurons", "--checkpoint", checkpoint.Run, "--text", text, "--feature", "quote,linepos",
            "--top", "3", "--probe", "--gates", "--range", "10:20", "--json", "--threads", "1");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["quote", "linepos"], features.Select(f => f.GetProperty("feature").GetString()));
        foreach (var feature in features)
        {
            var cells = feature.GetProperty("cells").EnumerateArray().ToList();
            Assert.Equal(3, cells.Count);
            Assert.All(cells, c => Assert.InRange(c.GetProperty("layer").GetInt32(), 1, 2));
            Assert.All(cells, c => Assert.InRange(c.GetProperty("unit").GetInt32(), 0, 15));
            var scores = cells.Select(c => c.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
            Assert.True(feature.GetProperty("probe").GetProperty("cells").GetArrayLength() >= 1);
        }
        Assert.Equal(6, json.RootElement.GetProperty("gates").GetArrayLength()); // 2 layers × i, f, o
        Assert.Equal(3, json.RootElement.GetProperty("range").GetProperty("cells").GetArrayLength());
    }

    [Fact]
    public async Task Tables_list_ranked_cells_and_explain_features_absent_from_the_text()
    {
        string text = checkpoint.WriteText("tables.txt", TrainedCheckpoint.Text(20, seed: 3));

        var result = await CliRunner.Run("neurons", "--checkpoint", checkpoint.Run, "--text", text, "--top", "2", "--probe", "--threads", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("LSTM 2×16", result.Stdout);
        Assert.Contains("brackets: Nesting depth", result.Stdout);
        Assert.Contains("rank  layer  kind", result.Stdout);
        Assert.Contains("  probe: ", result.Stdout);
        Assert.Matches(@"  path:  \d+ cells? R² -?\d\.\d\d", result.Stdout);
        Assert.Contains("The url feature is 0 everywhere in this text", result.Stdout);
    }
}
