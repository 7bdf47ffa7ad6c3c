using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Tests.Analysis.Ranking;

public class SparseProbeTests
{
    [Fact]
    public void Probe_explains_a_feature_built_from_two_cells_with_just_those_two()
    {
        var synthetic = new SyntheticRecording(4000, units: 20);
        var a = synthetic.Column(0, ActivationKind.Hidden, 3);
        var b = synthetic.Column(1, ActivationKind.Cell, 11);
        var feature = Enumerable.Range(0, 4000).Select(t => 2 * a[t] - b[t] + 0.05f * synthetic.Gaussian()).ToArray();

        var probe = SparseProbe.Fit(synthetic.Build(), feature);

        Assert.Equal(2, probe.Cells.Count);
        Assert.Equal(new CellId(0, ActivationKind.Hidden, 3), probe.Cells[0].Cell);
        Assert.Equal(1, probe.Cells[0].Sign);
        Assert.Equal(new CellId(1, ActivationKind.Cell, 11), probe.Cells[1].Cell);
        Assert.Equal(-1, probe.Cells[1].Sign);
        Assert.True(probe.TestR2 > 0.95, $"test R² {probe.TestR2}");
        Assert.Equal(800, probe.TestRows);
        Assert.Null(probe.TestAccuracy);
    }

    [Fact]
    public void Probe_finds_a_planted_binary_neuron_and_beats_the_base_rate()
    {
        var synthetic = new SyntheticRecording(5000, units: 30);
        var feature = synthetic.BinarySpans();
        synthetic.Plant(1, ActivationKind.Hidden, 17, t => feature[t] + 0.4f * synthetic.Gaussian());

        var probe = SparseProbe.Fit(synthetic.Build(), feature, binary: true);

        Assert.Equal(new CellId(1, ActivationKind.Hidden, 17), probe.Cells[0].Cell);
        Assert.True(probe.Cells.Count <= 3, $"{probe.Cells.Count} cells");
        Assert.True(probe.TestAccuracy > 0.85 && probe.TestAccuracy > probe.TestBaseRate + 0.2,
            $"accuracy {probe.TestAccuracy}, base rate {probe.TestBaseRate}");
        Assert.Equal(new SparseProbeOptions().PathLength, probe.Path.Count);
        Assert.True(probe.Path[0].Cells <= 1 && probe.Path[^1].Cells >= probe.Cells.Count);
    }

    [Fact]
    public void Larger_fixed_lambda_keeps_fewer_cells()
    {
        var synthetic = new SyntheticRecording(3000, units: 10);
        var cells = Enumerable.Range(0, 4).Select(u => synthetic.Column(0, ActivationKind.Cell, u)).ToArray();
        var feature = Enumerable.Range(0, 3000).Select(t => cells[0][t] + 0.6f * cells[1][t] + 0.3f * cells[2][t] + 0.1f * cells[3][t]).ToArray();
        var recording = synthetic.Build();

        int Count(double lambda) => SparseProbe.Fit(recording, feature, new SparseProbeOptions { Lambda = lambda }).Cells.Count;

        Assert.Equal(1, Count(0.7));
        Assert.Equal(2, Count(0.45));
        Assert.Equal(3, Count(0.2));
        Assert.True(Count(0.001) >= 4);
    }

    [Fact]
    public void Constant_training_feature_is_refused_with_a_clear_message()
    {
        var synthetic = new SyntheticRecording(500, units: 4);
        var feature = Enumerable.Range(0, 500).Select(t => t < 450 ? 0f : 1f).ToArray();

        var error = Assert.Throws<CharRnnException>(() => SparseProbe.Fit(synthetic.Build(), feature));
        Assert.Contains("constant on the training part", error.Message);
    }
}
