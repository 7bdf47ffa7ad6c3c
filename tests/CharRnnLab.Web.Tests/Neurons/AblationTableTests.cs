using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Tests.Neurons;

public sealed class AblationTableTests
{
    // Four units; the quote class's loss changes rank 2, 0, 3, 1 while |r| ranks 1, 3, 0, 2.
    private static AblationComparison Comparison() => new(
        new AblationRanking(0, InterventionTarget.Cell, 99, 1.5, [new AblationClass("quote", 40, 1.2), new AblationClass("url", 0, double.NaN)],
            [new UnitAblation(0, 0, 0.30, [0.50, double.NaN]), new UnitAblation(1, 0, 0.20, [0.01, double.NaN]),
             new UnitAblation(2, 0, 0.10, [0.90, double.NaN]), new UnitAblation(3, 0, 0.05, [0.20, double.NaN])]),
        new Dictionary<string, double[]> { ["quote"] = [0.4, -0.9, 0.1, 0.6], ["url"] = [0, 0, 0, 0] });

    [Fact]
    public void The_cause_column_ranks_by_the_class_loss_change_and_each_row_names_its_rank_in_the_other()
    {
        var table = AblationTable.For(Comparison(), "quote", top: 3);

        Assert.Equal(40, table.Positions);
        Assert.Equal([2, 0, 3], table.Cause.Select(r => r.Unit));
        Assert.Equal([4, 3, 2], table.Cause.Select(r => r.OtherRank));           // unit 2 has the smallest |r|
        Assert.Equal((0.90, 0.10, 0.1), (table.Cause[0].ClassLossChange, table.Cause[0].LossChange, table.Cause[0].R));
        Assert.Equal([1, 3, 0], table.Correlation.Select(r => r.Unit));
        Assert.Equal([4, 3, 2], table.Correlation.Select(r => r.OtherRank));    // unit 1 matters least for quotes
        Assert.Equal((-0.9, 0.01), (table.Correlation[0].R, table.Correlation[0].ClassLossChange));
        Assert.Equal(Enumerable.Range(1, 3), table.Cause.Select(r => r.Rank));
    }

    [Fact]
    public void An_empty_class_keeps_every_unit_in_unit_order_and_an_unknown_one_is_refused()
    {
        var table = AblationTable.For(Comparison(), "url", top: 10);

        Assert.Equal([0, 1, 2, 3], table.Cause.Select(r => r.Unit));
        Assert.All(table.Cause, r => Assert.True(double.IsNaN(r.ClassLossChange)));
        Assert.Throws<ArgumentException>(() => AblationTable.For(Comparison(), "sentiment", 3));
    }
}
