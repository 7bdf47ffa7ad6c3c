using System.Buffers.Binary;
using System.Text.Json;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Checkpoints;

namespace CharRnnLab.Cli.Tests.Commands;

public class RecordCommandTests(TrainedCheckpoint checkpoint) : IClassFixture<TrainedCheckpoint>
{
    [Fact]
    public async Task Exact_recording_writes_the_models_own_values_csv_and_an_index()
    {
        string text = TrainedCheckpoint.Text(12, seed: 5);
        string output = Path.Combine(checkpoint.Directory, "exact");

        var result = await CliRunner.Run("record", "--checkpoint", checkpoint.Run, "--text", checkpoint.WriteText("exact.txt", text),
            "--out", output, "--streams", "1", "--precision", "fp32", "--csv", "--threads", "1");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Contains($"Recorded {text.Length} characters through LSTM 2×16", result.Stdout);
        var expected = ActivationRecorder.Record(CheckpointFile.LoadWeights(checkpoint.Run), text, RecordingOptions.Exact);
        var (shape, values) = ReadNpy(Path.Combine(output, "layer2_cell.npy"));
        Assert.Equal($"({text.Length}, 16)", shape);
        Assert.Equal(expected.Get(1, ActivationKind.Cell), values, (a, b) => Math.Abs(a - b) <= 1e-5f); // libtorch threads may sum differently
        Assert.Equal(text, File.ReadAllText(Path.Combine(output, "text.txt")));
        Assert.True(File.Exists(Path.Combine(output, "layer1_forget_gate.csv")));

        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "index.json")));
        Assert.Equal(text.Length, index.RootElement.GetProperty("characters").GetInt32());
        Assert.True(index.RootElement.GetProperty("recording").GetProperty("isExact").GetBoolean());
        Assert.Equal("fp32", index.RootElement.GetProperty("recording").GetProperty("precision").GetString());
        Assert.Equal(2 * 7 + 3, index.RootElement.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public async Task Layers_and_kinds_choose_the_files()
    {
        string output = Path.Combine(checkpoint.Directory, "chosen");

        var result = await CliRunner.Run("record", "--checkpoint", checkpoint.Run, "--text", checkpoint.WriteText("chosen.txt", TrainedCheckpoint.Text(5)),
            "--out", output, "--layers", "2", "--kinds", "cell,h", "--threads", "1");

        Assert.Equal(0, result.ExitCode);
        using (var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "index.json"))))
            Assert.Equal("fp16", index.RootElement.GetProperty("recording").GetProperty("precision").GetString()); // the default
        Assert.Equal(["layer2_cell.npy", "layer2_hidden.npy", "next_symbol_probability.npy", "next_top_probabilities.npy", "next_top_symbols.npy"],
            System.IO.Directory.GetFiles(output, "*.npy").Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_non_empty_output_directory_is_refused_unless_forced_and_other_files_survive()
    {
        string output = Path.Combine(checkpoint.Directory, "busy");
        System.IO.Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        string[] args = ["record", "--checkpoint", checkpoint.Run, "--text", checkpoint.WriteText("busy.txt", TrainedCheckpoint.Text(3)),
            "--out", output, "--threads", "1"];

        var refused = await CliRunner.Run(args);
        var forced = await CliRunner.Run([.. args, "--force"]);

        Assert.Equal(ExitCode.UsageError, refused.ExitCode);
        Assert.Contains("is not empty", refused.Stderr);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(output, "index.json")));
    }

    // The .npy header's shape and the float32 payload after the 64-byte-aligned header.
    [Fact]
    public async Task Clamp_records_the_model_under_the_edit_and_the_index_says_so()
    {
        string text = TrainedCheckpoint.Text(6, seed: 2);
        string output = Path.Combine(checkpoint.Directory, "clamped");

        var result = await CliRunner.Run("record", "--checkpoint", checkpoint.Run, "--text", checkpoint.WriteText("clamped.txt", text),
            "--out", output, "--streams", "1", "--kinds", "cell,hidden", "--clamp", "1:c:3=0.75@10", "--ablate", "2:h:0", "--threads", "1");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Contains("with clamp 1:c:3=0.75@10, ablate 2:h:0", result.Stdout);
        var (_, cell) = ReadNpy(Path.Combine(output, "layer1_cell.npy"));
        var (_, hidden) = ReadNpy(Path.Combine(output, "layer2_hidden.npy"));
        Assert.NotEqual(0.75f, cell[9 * 16 + 3]);
        Assert.All(Enumerable.Range(10, text.Length - 10), t => Assert.Equal(0.75f, cell[t * 16 + 3]));
        Assert.All(Enumerable.Range(0, text.Length), t => Assert.Equal(0f, hidden[t * 16]));
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "index.json")));
        Assert.Equal(["clamp 1:c:3=0.75@10", "ablate 2:h:0"],
            index.RootElement.GetProperty("interventions").EnumerateArray().Select(e => e.GetString()));
    }

    private static (string Shape, float[] Values) ReadNpy(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int dataStart = 10 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.Equal(0, dataStart % 64);
        string header = System.Text.Encoding.ASCII.GetString(bytes, 10, dataStart - 10);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': ", header);
        string shape = header[(header.IndexOf("'shape': ", StringComparison.Ordinal) + 9)..header.IndexOf(')')] + ")";
        var values = new float[(bytes.Length - dataStart) / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataStart + 4 * i));
        return (shape, values);
    }
}
