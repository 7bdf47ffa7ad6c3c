using System.Text.Json;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// What `charrnn ablate` found: per unit the loss change when it is ablated, overall and per
/// feature class, beside its |r| with each feature and its rank by |r| (layers from 1).
/// </summary>
/// <param name="Correlations">Per feature (the ranking's class order), each unit's r with the track.</param>
/// <param name="By">The feature whose class change orders the rows; null = the overall change.</param>
internal sealed record AblationReport(ModelConfig Config, AblationRanking Ranking, double[][] Correlations, string? By, int Top, double Seconds)
{
    private int SortClass => By is null ? -1 : Ranking.Classes.ToList().FindIndex(c => c.Feature.Equals(By, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<UnitAblation> Rows => (SortClass < 0 ? (IEnumerable<UnitAblation>)Ranking.Units
        : Ranking.Units.OrderByDescending(u => double.IsNaN(u.ClassLossChange[SortClass]) ? double.MinValue : u.ClassLossChange[SortClass])).Take(Top);

    // 1 = the unit with the largest |r| with feature k.
    private int CorrelationRank(int k, int unit) => 1 + Correlations[k].Count(r => Math.Abs(r) > Math.Abs(Correlations[k][unit]));

    public void WriteTable(TextWriter o)
    {
        var r = Ranking;
        string kind = r.Target == InterventionTarget.Cell ? "c" : "h";
        o.WriteLine($"{Config.Cell.ToString().ToUpperInvariant()} {Config.Layers}×{Config.Hidden}: layer {r.Layer + 1} {kind}, each of {Config.Hidden} units " +
            $"ablated over {r.Positions:N0} predictions in {Seconds:F1} s; unedited loss {r.BaseLoss:F4} nats/char.");
        foreach (var c in r.Classes) o.WriteLine($"  {c.Feature}: {c.Positions:N0} positions, unedited loss {c.BaseLoss:F4}");
        o.WriteLine($"Loss change in nats/char when the unit is ablated{(By is null ? "" : $", sorted by {By}")}; |r| (rank) of the unit with the feature.");
        o.Write("  rank  unit    Δ all");
        foreach (var c in r.Classes) o.Write($"  {"Δ " + c.Feature,10}  {"|r| " + c.Feature,14}");
        o.WriteLine();
        foreach (var (u, i) in Rows.Select((u, i) => (u, i)))
        {
            o.Write($"  {i + 1,4}  {u.Unit,4}  {u.LossChange,7:+0.0000;-0.0000}");
            for (int k = 0; k < r.Classes.Count; k++)
                o.Write($"  {u.ClassLossChange[k],10:+0.0000;-0.0000}  {Math.Abs(Correlations[k][u.Unit]),7:F3} ({CorrelationRank(k, u.Unit),4})");
            o.WriteLine();
        }
    }

    public void WriteJson(TextWriter o) => o.WriteLine(JsonSerializer.Serialize(new
    {
        layer = Ranking.Layer + 1,
        kind = Ranking.Target == InterventionTarget.Cell ? "c" : "h",
        positions = Ranking.Positions,
        baseLoss = Ranking.BaseLoss,
        seconds = Seconds,
        classes = Ranking.Classes.Select(c => new { feature = c.Feature, positions = c.Positions, baseLoss = Num(c.BaseLoss) }),
        units = Rows.Select(u => new
        {
            unit = u.Unit,
            ablatedTo = u.Value,
            lossChange = u.LossChange,
            byFeature = Ranking.Classes.Select((c, k) => new
            {
                feature = c.Feature,
                lossChange = Num(u.ClassLossChange[k]),
                correlation = Correlations[k][u.Unit],
                correlationRank = CorrelationRank(k, u.Unit),
            }),
        }),
    }, NeuronsReport.JsonOptions));

    private static double? Num(double value) => double.IsNaN(value) ? null : value; // a class with no positions
}
