using System.Globalization;
using CharRnnLab.Core.Benchmarks;
using Spectre.Console;

namespace CharRnnLab.Cli.Bench;

/// <summary>One case's step profile: sections per step path, and products at the step's shapes.</summary>
/// <param name="StepFlops">Nominal matrix-product work of one step (<see cref="ModelFlops"/> × B·T).</param>
internal sealed record CaseProfile(BenchCase Case, IReadOnlyList<StepSections> Paths, IReadOnlyList<ShapeRate> Shapes, double StepFlops);

/// <summary>charrnn bench --profile as Spectre tables: milliseconds per section, and each product's rate against the GEMM yardstick.</summary>
internal static class ProfileTable
{
    public static void Write(GemmRate gemm, int threads, IReadOnlyList<CaseProfile> profiles, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = Reporting.Terminal.IsInteractive(writer) ? AnsiSupport.Detect : AnsiSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 110);
        foreach (var p in profiles)
        {
            var steps = new Table().AddColumns("path", "section", "ms per step", "share").Title(Markup.Escape(p.Case.Name));
            foreach (var path in p.Paths) AddPath(steps, path, p.StepFlops, gemm);
            console.Write(steps);
            var shapes = new Table().AddColumns("product", "(M × K)·(K × N)", "GFLOP/s", "of GEMM");
            shapes.AddRow("yardstick", $"{gemm.Size}³, {threads} thread(s)", F(gemm.Gflops, 1), "100 %");
            foreach (var s in p.Shapes)
                shapes.AddRow(Markup.Escape(s.Name), $"({s.M} × {s.K})·({s.K} × {s.N})", F(s.Gflops, 1), $"{s.Gflops / gemm.Gflops * 100:F1} %");
            console.Write(shapes);
        }
        console.WriteLine();
    }

    private static void AddPath(Table table, StepSections path, double stepFlops, GemmRate gemm)
    {
        string name = path.Explicit ? "explicit LSTM backward" : "autograd";
        foreach (var (section, seconds) in path.Sections)
            table.AddRow(name, Markup.Escape(section), F(seconds * 1000, 1), $"{seconds / path.StepSeconds * 100:F1} %");
        double rate = stepFlops / path.StepSeconds;
        table.AddRow(name, "[bold]whole step[/]", F(path.StepSeconds * 1000, 1),
            $"{F(rate / 1e9, 1)} GFLOP/s = {gemm.Fraction(rate) * 100:F1} % of GEMM");
    }

    private static string F(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);
}
