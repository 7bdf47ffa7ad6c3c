using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;

namespace CharRnnLab.Web.Tests.Queue;

public sealed class QueuePresetsTests
{
    private static readonly StartRunRequest Settings = QueuePresets.Settings("upload-tiny", layers: 2, hidden: 64, iterations: 400);

    [Fact]
    public void Short_runs_evaluate_sample_and_checkpoint_ten_times_and_long_ones_as_the_tiny_preset_does()
    {
        var brief = QueuePresets.Settings("c", 1, 16, iterations: 20);
        Assert.Equal((2, 2, 2, 20), (brief.EvalEvery, brief.SampleEvery, brief.CheckpointEvery, brief.Iterations));
        var tiny = RunPresets.Tiny.Settings;
        var settled = QueuePresets.Settings("c", 1, 16, iterations: 5000);
        Assert.Equal((tiny.EvalEvery, tiny.SampleEvery, tiny.CheckpointEvery), (settled.EvalEvery, settled.SampleEvery, settled.CheckpointEvery));
        Assert.Equal((tiny.Batch, tiny.Seq, tiny.LearningRate), (settled.Batch, settled.Seq, settled.LearningRate));
    }

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
