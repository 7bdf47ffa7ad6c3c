using CharRnnLab.Core.Model;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;

namespace CharRnnLab.Web.Tests.Queue;

public sealed class QueuePresetsTests
{
    private const string Corpus = "upload-tiny";
    private static readonly Core.Settings.RunConfig Settings = QueuePresets.Settings(layers: 2, hidden: 64, iterations: 400);

    [Fact]
    public void Short_runs_evaluate_sample_and_checkpoint_ten_times_and_long_ones_as_the_tiny_preset_does()
    {
        var brief = QueuePresets.Settings(1, 16, iterations: 20).Training;
        Assert.Equal((2, 2, 2, 20), (brief.EvalEvery, brief.SampleEvery, brief.CheckpointEvery, brief.Iterations));
        var tiny = RunPresets.Tiny.Config.Training;
        var settled = QueuePresets.Settings(1, 16, iterations: 5000).Training;
        Assert.Equal((tiny.EvalEvery, tiny.SampleEvery, tiny.CheckpointEvery), (settled.EvalEvery, settled.SampleEvery, settled.CheckpointEvery));
        Assert.Equal((tiny.Batch, tiny.Seq, tiny.LearningRate), (settled.Batch, settled.Seq, settled.LearningRate));
    }

    [Fact]
    public void Three_cells_get_the_lstm_s_parameter_budget_within_a_percent()
    {
        var plan = QueuePresets.CellsAtEqualParameters.Plan(Corpus, Settings, 65);

        Assert.Equal([CellType.Lstm, CellType.Gru, CellType.Rnn], plan.Select(p => p.Model.Cell));
        Assert.Equal(64, plan[0].Model.Hidden);
        Assert.All(plan, p => Assert.InRange(p.Parameters / (double)plan[0].Parameters, 0.99, 1.01));
        foreach (var run in plan)
        {
            var (config, errors) = RunRequests.Read(run.Request);
            Assert.Empty(errors);
            Assert.Equal((run.Model, 400, Corpus), (config.Model, config.Training.Iterations, run.Request.CorpusId));
        }
        Assert.Contains($"{plan[1].Parameters:N0} params", plan[1].Request.Name);
    }

    [Fact]
    public void A_chosen_minibatch_reaches_every_planned_run_and_leaves_the_sizes_alone()
    {
        var chosen = QueuePresets.CellsAtEqualParameters.Plan(Corpus, QueuePresets.Settings(2, 64, 400, batch: 50, seq: 7), 65);
        var standard = QueuePresets.CellsAtEqualParameters.Plan(Corpus, Settings, 65);

        Assert.Equal(standard.Select(p => (p.Model, p.Parameters)), chosen.Select(p => (p.Model, p.Parameters)));
        foreach (var run in chosen)
        {
            var (config, errors) = RunRequests.Read(run.Request);
            Assert.Empty(errors);
            Assert.Equal((50, 7), (config.Training.Batch, config.Training.Seq));
        }
    }

    [Fact]
    public void The_paper_grid_is_three_cells_at_one_to_three_layers_all_on_one_budget()
    {
        var plan = QueuePresets.PaperGrid.Plan(Corpus, Settings, 65);

        Assert.Equal(9, plan.Count);
        Assert.Equal([CellType.Lstm, CellType.Gru, CellType.Rnn], plan.Select(p => p.Model.Cell).Distinct());
        Assert.All(plan.GroupBy(p => p.Model.Cell), cell => Assert.Equal([1, 2, 3], cell.Select(p => p.Model.Layers)));
        long budget = plan.Single(p => p.Model is { Cell: CellType.Lstm, Layers: 2 }).Parameters;
        Assert.All(plan, p => Assert.InRange(p.Parameters / (double)budget, 0.97, 1.03));
    }
}
