using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;

namespace CharRnnLab.Web.Tests.Queue;

public sealed class QueuePresetsTests
{
    private static readonly StartRunRequest Settings = RunPresets.Tiny.Settings with { CorpusId = "upload-tiny", Layers = 2, Hidden = 64 };

    [Fact]
    public void Three_cells_get_the_lstm_s_parameter_budget_within_a_percent()
    {
        var plan = QueuePresets.CellsAtEqualParameters.Plan(Settings, 65);

        Assert.Equal(["lstm", "gru", "rnn"], plan.Select(p => p.Request.Cell));
        Assert.Equal(64, plan[0].Request.Hidden);
        Assert.All(plan, p => Assert.InRange(p.Parameters / (double)plan[0].Parameters, 0.99, 1.01));
        Assert.All(plan, p => Assert.Equal((2, "upload-tiny", Settings.Iterations), (p.Request.Layers, p.Request.CorpusId, p.Request.Iterations)));
        Assert.All(plan, p => Assert.Empty(p.Request.Validate()));
        Assert.Contains($"{plan[1].Parameters:N0} params", plan[1].Request.Name);
    }

    [Fact]
    public void The_paper_grid_is_three_cells_at_one_to_three_layers_all_on_one_budget()
    {
        var plan = QueuePresets.PaperGrid.Plan(Settings, 65);

        Assert.Equal(9, plan.Count);
        Assert.Equal(["lstm", "gru", "rnn"], plan.Select(p => p.Request.Cell).Distinct());
        Assert.All(plan.GroupBy(p => p.Request.Cell), cell => Assert.Equal([1, 2, 3], cell.Select(p => p.Request.Layers)));
        long budget = plan.Single(p => p.Request is { Cell: "lstm", Layers: 2 }).Parameters;
        Assert.All(plan, p => Assert.InRange(p.Parameters / (double)budget, 0.97, 1.03));
    }
}
