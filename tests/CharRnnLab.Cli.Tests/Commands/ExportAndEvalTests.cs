using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Evaluation;

namespace CharRnnLab.Cli.Tests.Commands;

/// <summary>charrnn eval and charrnn export over the shared tiny checkpoint.</summary>
public sealed class ExportAndEvalTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task Eval_prints_the_evaluators_loss_as_a_line_and_as_json()
    {
        string text = TrainedCheckpoint.Text(20, seed: 4);
        string file = checkpoint.WriteText("eval.txt", text);
        TextLoss expected;
        using (var lane = new ComputeLane(1)) expected = await lane.Run(() => TextEvaluator.Evaluate(CheckpointFile.LoadWeights(checkpoint.Run), text));

        var line = await CliRunner.Run("eval", "--checkpoint", checkpoint.Run, "--text", file);
        var json = await CliRunner.Run("eval", "--checkpoint", checkpoint.Run, "--text", file, "--json");

        Assert.Equal((0, expected + "\n"), (line.ExitCode, line.Stdout.ReplaceLineEndings("\n")));
        using var parsed = JsonDocument.Parse(json.Stdout);
        Assert.Equal(text.Length - 1, parsed.RootElement.GetProperty("predictions").GetInt32());
        Assert.Equal(expected.Nats, parsed.RootElement.GetProperty("nats").GetDouble(), 1e-9);
        Assert.Equal(expected.Bits, parsed.RootElement.GetProperty("bits").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Eval_refuses_a_symbol_the_model_does_not_know()
    {
        var result = await CliRunner.Run("eval", "--checkpoint", checkpoint.Run, "--text", checkpoint.WriteText("odd.txt", "Ann said ~"));

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("'~' (U+007E)", result.Stderr);
    }

    [Fact]
    public async Task Export_writes_safetensors_by_default_and_a_torch_zip_with_format_pt()
    {
        string safetensors = Path.Combine(checkpoint.Directory, "model.safetensors");
        string pt = Path.Combine(checkpoint.Directory, "model.pt");

        var first = await CliRunner.Run("export", "--checkpoint", checkpoint.Run, "--out", safetensors);
        var second = await CliRunner.Run("export", "--checkpoint", checkpoint.Run, "--format", "pt", "--out", pt);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("model.safetensors", first.Stdout);
        byte[] bytes = File.ReadAllBytes(safetensors);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes)));
        Assert.True(header.RootElement.TryGetProperty("rnn.weight_hh_l1", out _));
        using var zip = ZipFile.OpenRead(pt);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal));
        Assert.Empty(System.IO.Directory.GetFiles(checkpoint.Directory, "*.tmp"));
    }

    [Fact]
    public async Task Export_refuses_an_unknown_format_naming_the_choices()
    {
        var result = await CliRunner.Run("export", "--checkpoint", checkpoint.Run, "--format", "onnx", "--out", "x.onnx");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("--format must be one of safetensors|pt (got 'onnx')", result.Stderr);
    }
}
