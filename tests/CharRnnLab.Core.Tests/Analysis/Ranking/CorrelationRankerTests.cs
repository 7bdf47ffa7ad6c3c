using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Tests.Analysis.Ranking;

public class CorrelationRankerTests
{
    [Fact]
    public void Planted_anti_correlated_cell_ranks_first_with_negative_sign()
    {
        var synthetic = new SyntheticRecording(5000, units: 37);
        var feature = synthetic.BinarySpans();
        synthetic.Plant(1, ActivationKind.Cell, 7, t => -feature[t] + 0.3f * synthetic.Gaussian());

        var ranked = CorrelationRanker.Rank(synthetic.Build(), feature, top: 5);

        Assert.Equal(new CellId(1, ActivationKind.Cell, 7), ranked[0].Cell);
        Assert.Equal(-1, ranked[0].Sign);
        Assert.InRange(ranked[0].Score, 0.8, 1.0);
        Assert.True(ranked[1].Score < 0.1, $"runner-up |r| = {ranked[1].Score}");
    }

    [Fact]
    public void Correlations_match_the_textbook_formula_including_offset_and_constant_columns()
    {
        var rng = new Random(4);
        int n = 1000, units = 11; // 11: exercises the SIMD tail
        var values = new float[n * units];
        var feature = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray();
        for (int t = 0; t < n; t++)
            for (int u = 0; u < units; u++)
                values[t * units + u] = u switch
                {
                    0 => 3f,                                             // constant
                    1 => 1000f + 0.001f * (feature[t] + (float)rng.NextDouble()), // large mean, tiny spread
                    _ => (float)rng.NextDouble() + u * 0.1f * feature[t],
                };

        var r = CorrelationRanker.Correlations(values, units, feature);

        Assert.Equal(0, r[0]);
        for (int u = 1; u < units; u++)
            Assert.Equal(Pearson(Enumerable.Range(0, n).Select(t => (double)values[t * units + u]).ToArray(), feature), r[u], 4);
    }

    [Fact]
    public void Selection_limits_the_ranking_to_chosen_layers_and_kinds()
    {
        var synthetic = new SyntheticRecording(2000, units: 8);
        var feature = synthetic.BinarySpans();
        synthetic.Plant(1, ActivationKind.Cell, 2, t => feature[t]);
        synthetic.Plant(0, ActivationKind.Hidden, 5, t => feature[t] + 0.5f * synthetic.Gaussian());

        var ranked = CorrelationRanker.Rank(synthetic.Build(), feature, top: 3, new CellSelection([0], [ActivationKind.Hidden]));

        Assert.All(ranked, c => Assert.Equal((0, ActivationKind.Hidden), (c.Layer, c.Kind)));
        Assert.Equal(5, ranked[0].Unit);
    }

    private static double Pearson(double[] x, float[] y)
    {
        double mx = x.Average(), my = y.Average(v => (double)v);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
