using System.Globalization;
using System.Text.RegularExpressions;
using CharRnnLab.Core.Checkpoints.Export;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Evaluation;
using CharRnnLab.Core.Model;
using Xunit.Abstractions;

namespace CharRnnLab.Core.Tests.Checkpoints.Export;

/// <summary>
/// docs/python.md's script, read out of the markdown and run by real PyTorch on an export, prints
/// the loss <see cref="TextEvaluator"/> computes, to 1e-4. Without a Python that imports torch this
/// fails (install python3-torch), except on a machine that has no apt to install it with.
/// </summary>
public sealed partial class PyTorchParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(CellType.Lstm, 3, ExportFormat.Safetensors)]
    [InlineData(CellType.Lstm, 3, ExportFormat.Pt)]
    [InlineData(CellType.Gru, 0, ExportFormat.Safetensors)]
    [InlineData(CellType.Rnn, 0, ExportFormat.Safetensors)]
    public async Task The_documented_script_prints_the_loss_charrnn_eval_gives(CellType cell, int embedding, ExportFormat format)
    {
        if (PythonTorch.Interpreter is not { } python)
        {
            Assert.False(PythonTorch.AptAvailable, PythonTorch.Missing);
            output.WriteLine("This machine has no apt and no Python with torch: the parity check did not run. " + PythonTorch.Missing);
            return;
        }
        using var dir = new TempDirectory();
        var weights = TestModels.Random(cell, layers: 2, hidden: 8, vocabulary: 5, embedding: embedding);
        string text = dir.File("text.txt", TestModels.Text(2_000, vocabulary: 5));
        string export = dir.File("model" + ExportFormats.Extension(format));
        string script = dir.File("load_charrnn.py", DocumentedScript());
        using (var lane = TrainingFixtures.NewLane())
        using (var file = File.Create(export))
            await lane.Run(() => WeightsExporter.Write(file, weights, "tiny", format));
        var expected = TextEvaluator.Evaluate(weights, File.ReadAllText(text));

        var (code, printed, errors) = PythonTorch.Run(python, script, export, text);

        output.WriteLine($"{python}: {printed.Trim()} {errors.Trim()}\ncharrnn eval: {expected}");
        Assert.True(code == 0, $"the script failed ({code}): {errors}");
        var line = LossLine().Match(printed);
        Assert.True(line.Success, $"unexpected output: {printed}");
        Assert.Equal(expected.Predictions, int.Parse(line.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Nats, double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture), 1e-4);
    }

    /// <summary>The first python block of docs/python.md: the script readers copy.</summary>
    private static string DocumentedScript()
    {
        string root = SourceCorpus.FindRepoRoot(AppContext.BaseDirectory)!;
        var block = PythonBlock().Match(File.ReadAllText(Path.Combine(root, "docs", "python.md")));
        Assert.True(block.Success, "docs/python.md has no ```python block");
        return block.Groups[1].Value;
    }

    [GeneratedRegex("```python\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();

    [GeneratedRegex(@"mean loss over ([\d,]+) predictions: ([\d.]+) nats")]
    private static partial Regex LossLine();
}
