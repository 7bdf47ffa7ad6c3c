using System.Text.Json;

namespace CharRnnLab.Cli.Tests.Commands;

public class BenchTests
{
    // Tiny sizes: the figures are timings, so only their presence and the structure are checked.
    private static readonly string[] Tiny =
    [
        "bench", "--hidden", "8", "--batch", "2", "--seq", "4", "--iterations", "3", "--warmup", "1", "--rounds", "1",
        "--sample-length", "20", "--threads", "1", "--record-chars", "300", "--gemm-size", "64",
    ];

    [Fact]
    public async Task Post_suite_json_has_the_gemm_rate_and_each_case_as_a_fraction_of_it()
    {
        var result = await CliRunner.Run([.. Tiny, "--suite", "post", "--json"]);

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("post", json.GetProperty("suite").GetString());
        Assert.Equal(64, json.GetProperty("gemm").GetProperty("size").GetInt32());
        Assert.True(json.GetProperty("gemm").GetProperty("gflops").GetDouble() > 0);
        var cases = json.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal([2, 3], cases.Select(c => c.GetProperty("layers").GetInt32()));
        foreach (var c in cases)
        {
            Assert.Equal(8, c.GetProperty("hidden").GetInt32()); // --hidden overrides the suite's 512
            Assert.Equal(2, c.GetProperty("batch").GetInt32());
            var training = c.GetProperty("training");
            foreach (string loop in new[] { "engine", "engineAutograd", "bare" }) AssertSpeed(training.GetProperty(loop));
            Assert.True(training.GetProperty("engineOverBare").GetDouble() > 0);
            Assert.True(training.GetProperty("engineOverAutograd").GetDouble() > 0);
            var sampling = c.GetProperty("sampling").EnumerateArray().ToArray();
            Assert.Equal(5, sampling.Length); // plain, packed fp32, fp16, fp16 on every core, the strip
            Assert.All(sampling, s => AssertSpeed(s.GetProperty("speed")));
            var edited = c.GetProperty("editedSampling");
            Assert.True(edited.GetProperty("pairsPerSecond").GetDouble() > 0);
            // the ratio is printed from unrounded rates; recomputed from the printed (rounded) rates it may differ in the third decimal
            Assert.Equal(2 * edited.GetProperty("pairsPerSecond").GetDouble() / edited.GetProperty("plainPerSecond").GetDouble(),
                edited.GetProperty("perStreamRatio").GetDouble(), tolerance: 0.01);
            var agreement = c.GetProperty("fp16Agreement");
            Assert.Equal(20, agreement.GetProperty("characters").GetInt32());
            Assert.True(agreement.GetProperty("maxProbabilityDifference").GetDouble() < 1e-2);
            var recording = c.GetProperty("recording");
            Assert.Equal(300, recording.GetProperty("characters").GetInt32());
            AssertSpeed(recording.GetProperty("speed"));
            Assert.True(recording.GetProperty("peakAboveBaselineMib").GetDouble() >= 0);
            Assert.True(recording.GetProperty("storedMib").GetDouble() > 0);
            var workingSet = c.GetProperty("workingSet").EnumerateArray().ToArray();
            Assert.Equal([1, 2, 3, 4], workingSet.Select(p => p.GetProperty("iteration").GetInt32()));
            Assert.All(workingSet, p => Assert.True(p.GetProperty("mib").GetDouble() > 0));
        }
    }

    [Fact]
    public async Task Default_output_is_a_table_of_the_one_default_case()
    {
        var result = await CliRunner.Run([.. Tiny, "--layers", "1", "--record-chars", "0"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("of GEMM", result.Stdout);
        Assert.Contains("lstm 1x8 b2 s4", result.Stdout);
        Assert.Contains("engine / bare", result.Stdout);
        Assert.Contains("engine / autograd step", result.Stdout);
        Assert.Contains("sampling with 1 clamp", result.Stdout);
        Assert.DoesNotContain("recording", result.Stdout);
    }

    [Fact]
    public async Task Profile_times_each_section_of_both_step_paths_and_the_products_at_the_step_shapes()
    {
        var result = await CliRunner.Run([.. Tiny, "--layers", "1", "--profile"]);

        Assert.Equal(0, result.ExitCode);
        foreach (string row in new[] { "autograd", "explicit LSTM backward", "backward (autograd)", "LSTM backward, per-step dgates·W_hh",
                     "optimizer", "whole step", "per step forward h·W_hhᵀ", "(8 × 32)·(32 × 8)", "yardstick" })
            Assert.Contains(row, result.Stdout);
        Assert.DoesNotContain("sampling", result.Stdout);
    }

    [Fact]
    public async Task Compare_recording_times_the_tensor_operation_path_beside_the_default_one()
    {
        string[] oneCase = [.. Tiny, "--layers", "1", "--sample-length", "5"];
        var compared = await CliRunner.Run([.. oneCase, "--compare-recording", "--json"]);
        var plain = await CliRunner.Run([.. oneCase, "--json"]);

        Assert.Equal(0, compared.ExitCode);
        var recording = JsonDocument.Parse(compared.Stdout).RootElement.GetProperty("cases")[0].GetProperty("recording");
        Assert.True(recording.GetProperty("tensorOpsSeconds").GetDouble() > 0);
        Assert.True(recording.GetProperty("speedUpOverTensorOps").GetDouble() > 0);
        var unCompared = JsonDocument.Parse(plain.Stdout).RootElement.GetProperty("cases")[0].GetProperty("recording");
        Assert.Equal(JsonValueKind.Null, unCompared.GetProperty("tensorOpsSeconds").ValueKind);
    }

    [Fact]
    public async Task An_unknown_suite_is_refused_with_the_choices()
    {
        var result = await CliRunner.Run("bench", "--suite", "huge");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("huge", result.Stderr);
        Assert.Contains("post", result.Stderr);
    }

    private static void AssertSpeed(JsonElement speed)
    {
        Assert.True(speed.GetProperty("charsPerSecond").GetDouble() > 0);
        Assert.True(speed.GetProperty("gflops").GetDouble() >= 0);
        Assert.True(speed.GetProperty("ofGemm").GetDouble() >= 0);
    }
}
