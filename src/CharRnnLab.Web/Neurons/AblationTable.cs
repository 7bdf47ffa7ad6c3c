using CharRnnLab.Core.Analysis.Features;

namespace CharRnnLab.Web.Neurons;

/// <summary>A unit as the cause column lists it: its rank by loss increase on the class and where it stands by |r|.</summary>
/// <param name="Rank">1-based rank by the class's loss change (ablation: cause).</param>
/// <param name="Unit">The unit.</param>
/// <param name="ClassLossChange">Mean loss change on the class's positions, nats per character.</param>
/// <param name="LossChange">Mean loss change over every position.</param>
/// <param name="R">Its correlation with the class's track.</param>
/// <param name="OtherRank">Its 1-based rank by |r| (correlation).</param>
public sealed record CauseRow(int Rank, int Unit, double ClassLossChange, double LossChange, double R, int OtherRank);

/// <summary>A unit as the correlation column lists it: its rank by |r| and where it stands by ablation.</summary>
public sealed record CorrelationRow(int Rank, int Unit, double R, double ClassLossChange, int OtherRank);

/// <summary>
/// The ablation panel's two columns for one class: units by loss increase when ablated (cause)
/// and by |r| with the class's track (correlation), each with its rank in the other column, so a
/// unit that correlates but does not matter, or the reverse, stands out. A unit whose class loss
/// change is NaN (an empty class) ranks last.
/// </summary>
public sealed record AblationTable(string Feature, int Positions, IReadOnlyList<CauseRow> Cause, IReadOnlyList<CorrelationRow> Correlation)
{
    public static AblationTable For(AblationComparison comparison, string feature, int top)
    {
        var ranking = comparison.Ranking;
        int k = ranking.Classes.ToList().FindIndex(c => c.Feature == feature);
        if (k < 0) throw new ArgumentException($"The ranking has no class '{feature}'.", nameof(feature));
        double[] r = comparison.Correlations[feature];
        var byCause = ranking.Units.OrderByDescending(u => double.IsNaN(u.ClassLossChange[k]) ? double.NegativeInfinity : u.ClassLossChange[k])
            .ThenBy(u => u.Unit).ToList();
        var byCorrelation = Enumerable.Range(0, r.Length).OrderByDescending(u => Math.Abs(r[u])).ThenBy(u => u).ToList();
        var causeRank = byCause.Select((u, i) => (u.Unit, i)).ToDictionary(p => p.Unit, p => p.i + 1);
        var correlationRank = byCorrelation.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i + 1);
        var change = ranking.Units.ToDictionary(u => u.Unit, u => u.ClassLossChange[k]);
        return new AblationTable(feature, ranking.Classes[k].Positions,
            byCause.Take(top).Select((u, i) => new CauseRow(i + 1, u.Unit, u.ClassLossChange[k], u.LossChange, r[u.Unit], correlationRank[u.Unit])).ToList(),
            byCorrelation.Take(top).Select((u, i) => new CorrelationRow(i + 1, u, r[u], change[u], causeRank[u])).ToList());
    }

    /// <summary>The classes a table can be made for, with their labels.</summary>
    public static IReadOnlyList<(string Name, string Label)> Classes { get; } =
        FeatureClasses.All.Select(c => (c.Name, FeatureClasses.Label(c))).ToList();
}
