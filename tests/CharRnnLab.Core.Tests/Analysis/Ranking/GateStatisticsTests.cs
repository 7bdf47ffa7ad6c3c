using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Analysis.Ranking;

public class GateStatisticsTests
{
    [Fact]
    public void Huge_gate_biases_saturate_those_gates_completely()
    {
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 4, vocabulary: 5);
        SetGateBias(weights.Layers[1], gate: 0, bias: -50); // input gate always closed
        SetGateBias(weights.Layers[1], gate: 1, bias: +50); // forget gate always open
        var recording = ActivationRecorder.Record(weights, TestModels.Text(300, 5), RecordingOptions.Exact);

        var stats = GateStatistics.Compute(recording);

        Assert.Equal(6, stats.Count); // 2 layers × i, f, o
        var input = stats.Single(s => s is { Layer: 1, Gate: ActivationKind.InputGate });
        var forget = stats.Single(s => s is { Layer: 1, Gate: ActivationKind.ForgetGate });
        Assert.All(input.LeftSaturated, f => Assert.Equal(1f, f));
        Assert.All(forget.RightSaturated, f => Assert.Equal(1f, f));
        Assert.All(forget.LeftSaturated, f => Assert.Equal(0f, f));
        var output = stats.Single(s => s is { Layer: 1, Gate: ActivationKind.OutputGate });
        Assert.True(output.MeanLeft + output.MeanRight < 1, "a gate with ordinary weights is not always saturated");
    }

    [Fact]
    public void Gru_reports_reset_and_update_gates_only()
    {
        var weights = TestModels.Random(CellType.Gru, 1, hidden: 3, vocabulary: 4);
        SetGateBias(weights.Layers[0], gate: 1, bias: +50); // update gate open: h is carried over
        var recording = ActivationRecorder.Record(weights, TestModels.Text(100, 4), RecordingOptions.Exact);

        var stats = GateStatistics.Compute(recording);

        Assert.Equal([ActivationKind.ResetGate, ActivationKind.UpdateGate], stats.Select(s => s.Gate));
        Assert.Equal(1.0, stats[1].MeanRight);
    }

    private static void SetGateBias(LayerWeights layer, int gate, float bias)
    {
        int h = layer.HiddenSize;
        for (int u = 0; u < h; u++) { layer.BiasIh[gate * h + u] = bias; layer.BiasHh[gate * h + u] = 0; }
    }
}
