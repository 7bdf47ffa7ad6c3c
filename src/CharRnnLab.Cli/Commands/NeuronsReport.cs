using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Cli.Commands;

/// <summary>What `charrnn neurons` found, printed as tables or JSON (layers numbered from 1 in both).</summary>
internal sealed record NeuronsReport(
    ActivationRecording Recording, IReadOnlyList<FeatureReport> Features, IReadOnlyList<GateSaturation>? Gates,
    IReadOnlyList<RangeMatch>? RangeMatches, (int Start, int End)? Range, float Threshold)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void WriteTables(TextWriter o)
    {
        var r = Recording;
        o.WriteLine($"{r.Config.Cell.ToString().ToUpperInvariant()} {r.Layers}×{r.Units}, {r.Characters:N0} characters" +
            (r.Mode.IsExact ? " (exact)" : $" ({r.Mode.Streams} streams, warm-up {r.Mode.WarmUp})"));
        foreach (var f in Features)
        {
            o.WriteLine();
            o.WriteLine($"{f.Feature}: {f.Description}");
            if (f.Note is not null && f.Correlated.Count == 0) { o.WriteLine($"  {f.Note}"); continue; }
            o.WriteLine("  rank  layer  kind              unit     |r|  sign");
            foreach (var (c, i) in f.Correlated.Select((c, i) => (c, i)))
                o.WriteLine($"  {i + 1,4}  {c.Layer + 1,5}  {ActivationKinds.ShortName(c.Kind),-15} {c.Unit,6}  {c.Score,6:F3}  {Sign(c.Sign),4}");
            if (f.Probe is { } p) WriteProbe(o, p);
            else if (f.Note is not null) o.WriteLine($"  {f.Note}");
        }
        if (Gates is not null) WriteGates(o);
        if (RangeMatches is not null) WriteRange(o);
    }

    private static void WriteProbe(TextWriter o, SparseProbeResult p)
    {
        string fit = p.TestR2 is double r2 ? $"held-out R² {r2:F3}" : "held-out R² undefined (constant there)";
        if (p.TestAccuracy is double accuracy) fit += $", accuracy {accuracy:P1} (majority guess {p.TestBaseRate:P1})";
        o.WriteLine($"  probe: {p.Cells.Count} of {p.Candidates} candidate cells, {fit}; λ = {p.Lambda:G3}");
        o.WriteLine("  path:  " + string.Join(" · ", PathSummary(p).Select(x => $"{x.Cells} cell{(x.Cells == 1 ? "" : "s")} R² {x.TestR2 ?? x.TrainR2:F2}")));
        foreach (var c in p.Cells.Take(10))
            o.WriteLine($"    layer {c.Layer + 1} {ActivationKinds.ShortName(c.Kind)} #{c.Unit}: weight {c.Sign * c.Score:+0.000;-0.000}");
    }

    // The first point on the λ path reaching 1, 2, 3, 5, 10… cells: how fit grows with cells.
    private static IEnumerable<ProbePathPoint> PathSummary(SparseProbeResult p) =>
        new[] { 1, 2, 3, 5, 10, 20, 50, 100, 200 }
            .Select(n => p.Path.FirstOrDefault(x => x.Cells >= n)).OfType<ProbePathPoint>().DistinctBy(x => x.Cells);

    private void WriteGates(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("gate saturation (mean over units of the fraction of characters < 0.1 / > 0.9):");
        foreach (var g in Gates!)
            o.WriteLine($"  layer {g.Layer + 1} {ActivationKinds.ShortName(g.Gate),-12} left {g.MeanLeft,6:P1}  right {g.MeanRight,6:P1}");
    }

    private void WriteRange(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"cells above {Threshold} on characters [{Range!.Value.Start}, {Range.Value.End}) and below it around them:");
        o.WriteLine("  layer  kind              unit   score  inside  outside");
        foreach (var m in RangeMatches!)
            o.WriteLine($"  {m.Layer + 1,5}  {ActivationKinds.ShortName(m.Kind),-15} {m.Unit,6}  {m.Score,6:F2}  {m.InsideOn,6:P0}  {m.OutsideOn,7:P0}");
    }

    private static string Sign(int sign) => sign < 0 ? "−" : "+";

    public object ToJson() => new
    {
        Characters = Recording.Characters,
        Model = new { Cell = Recording.Config.Cell.ToString().ToLowerInvariant(), Recording.Layers, Recording.Units },
        Recording = new { Recording.Mode.Streams, Recording.Mode.WarmUp, Recording.Mode.IsExact },
        Features = Features.Select(f => new
        {
            f.Feature, f.Description, f.IsBinary, f.Mean, f.Min, f.Max,
            Cells = f.Correlated.Select(Cell),
            Probe = f.Probe is { } p ? new
            {
                p.Lambda, p.LambdaMax, p.TrainR2, p.TestR2, p.TestAccuracy, p.TestBaseRate, p.Candidates, p.TrainRows, p.TestRows,
                Cells = p.Cells.Select(Cell),
                Path = p.Path,
            } : null,
            f.Note,
        }),
        Gates = Gates?.Select(g => new { Layer = g.Layer + 1, Gate = ActivationKinds.ShortName(g.Gate), g.MeanLeft, g.MeanRight, g.LeftSaturated, g.RightSaturated }),
        Range = Range is var (start, end) ? new
        {
            Start = start, End = end, Threshold,
            Cells = RangeMatches!.Select(m => new { Layer = m.Layer + 1, m.Unit, Kind = ActivationKinds.ShortName(m.Kind), m.Score, m.InsideOn, m.OutsideOn }),
        } : null,
    };

    private static object Cell(RankedCell c) => new { Layer = c.Layer + 1, c.Unit, Kind = ActivationKinds.ShortName(c.Kind), c.Score, c.Sign };
}
