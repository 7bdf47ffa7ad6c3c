using System.Globalization;
using CharRnnLab.Core.Benchmarks;
using Spectre.Console;

namespace CharRnnLab.Cli.Bench;

/// <summary>The bench as a Spectre table: one row per figure, absolute and as a share of the GEMM rate.</summary>
internal static class BenchTable
{
    public static void Write(BenchResult r, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = Reporting.Terminal.IsInteractive(writer) ? AnsiSupport.Detect : AnsiSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 110);
        var table = new Table().AddColumns("case", "figure", "measured", "GFLOP/s", "of GEMM");
        table.AddRow("machine", $"float32 GEMM {r.Gemm.Size}³, {r.Threads} thread(s)", "", F(r.Gemm.Gflops, 1), "100 %");
        foreach (var c in r.Cases) AddCase(table, c, r.Gemm);
        table.Caption($"{r.Iterations} timed iterations after {r.Warmup} warm-up, best of {r.Rounds} round(s); corpus {Markup.Escape(r.Corpus)}; " +
            $"peak working set {BenchJson.Mebibytes(r.PeakWorkingSetBytes):N0} MiB");
        console.Write(table);
        console.WriteLine();
    }

    private static void AddCase(Table table, CaseResult c, GemmRate gemm)
    {
        string name = Markup.Escape(c.Case.Name);
        Row(table, name, "training, engine", c.Training.Engine, gemm);
        Row(table, "", "training, engine, autograd step", c.Training.EngineAutograd, gemm);
        Row(table, "", "training, bare TorchSharp loop", c.Training.Bare, gemm);
        table.AddRow("", "engine / bare", F(c.Training.EngineOverBare, 3) + "×", "", "");
        table.AddRow("", "engine / autograd step", F(c.Training.EngineOverAutograd, 3) + "×", "", "");
        foreach (var s in c.Sampling) Row(table, "", $"sampling batch 1, {Markup.Escape(s.Path)}", s.Speed, gemm);
        table.AddRow("", $"fp16 vs plain fp32, {c.Agreement.Characters:N0} greedy chars",
            $"{(c.Agreement.GreedyIdentical ? "identical" : "DIFFERENT")}, max |Δp| {c.Agreement.MaxProbabilityDifference:0.0e0}", "", "");
        table.AddRow("", "sampling with 1 clamp (paired, packed fp16, 1 thread) / plain, same stepper, per stream",
            $"{F(c.EditedSampling.PerStreamRatio, 2)}× ({c.EditedSampling.PairsPerSecond:N0} pairs/s vs {c.EditedSampling.PlainPerSecond:N0} chars/s)", "", "");
        if (c.Recording is { } rec)
        {
            Row(table, "", $"recording {rec.Characters:N0} chars, all kinds ({rec.Seconds:F2} s)",
                new Throughput(rec.CharactersPerSecond, c.RecordingFlopsPerChar), gemm);
            table.AddRow("", "recording peak above baseline", $"{BenchJson.Mebibytes(rec.PeakBytesAboveBaseline):N0} MiB " +
                $"(the recording holds {BenchJson.Mebibytes(rec.StoredBytes):N0} MiB)", "", "");
            if (rec.TensorOpsSeconds is { } old)
            {
                Row(table, "", $"recording, tensor-operation path ({old:F2} s)", new Throughput(rec.Characters / old, c.RecordingFlopsPerChar), gemm);
                table.AddRow("", "recording, default / tensor-operation path", F(rec.SpeedUp!.Value, 2) + "×", "", "");
            }
        }
        if (c.WorkingSet.Count > 0)
            table.AddRow("", $"working set, iterations {c.WorkingSet[0].Iteration}–{c.WorkingSet[^1].Iteration}",
                $"{BenchJson.Mebibytes(c.WorkingSet.Min(p => p.Bytes)):N0}–{BenchJson.Mebibytes(c.WorkingSet.Max(p => p.Bytes)):N0} MiB", "", "");
    }

    private static void Row(Table table, string name, string figure, Throughput t, GemmRate gemm) =>
        table.AddRow(name, figure, $"{t.CharsPerSecond:N0} chars/s", F(t.FlopsPerSecond / 1e9, 1), $"{gemm.Fraction(t.FlopsPerSecond) * 100:F1} %");

    private static string F(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);
}
