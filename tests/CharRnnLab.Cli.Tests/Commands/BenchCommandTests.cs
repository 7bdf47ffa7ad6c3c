using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

public class BenchTests
{
    [Fact]
    public async Task Bench_prints_one_json_object_with_speeds_and_memory()
    {
        var result = await CliRunner.Run("bench", "--hidden", "8", "--layers", "1", "--batch", "2", "--seq", "4",
            "--iterations", "3", "--warmup", "1", "--rounds", "1", "--sample-length", "20", "--threads", "1");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        foreach (string field in new[] { "engineCharsPerSecond", "bareCharsPerSecond", "ratio", "samplingCharsPerSecond",
                     "workingSetAfterWarmupMb", "workingSetAtEndMb", "peakWorkingSetMb" })
            Assert.True(json.GetProperty(field).GetDouble() > 0, field);
        Assert.Equal("synthetic", json.GetProperty("corpus").GetString());
        Assert.Equal(8, json.GetProperty("hidden").GetInt32());
    }
}
