using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>How a sparse probe is fitted.</summary>
public sealed record SparseProbeOptions
{
    /// <summary>Cells kept for the fit after screening all of them by |r| on the training part.</summary>
    public int Candidates { get; init; } = 256;

    /// <summary>Rows used for training at most (a regular subsample beyond that).</summary>
    public int MaxTrainRows { get; init; } = 50_000;

    /// <summary>The last part of the text held out for R²/accuracy (contiguous: neighbouring characters are alike).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>λ values on the path, from λ_max down to λ_max · <see cref="MinLambdaRatio"/>.</summary>
    public int PathLength { get; init; } = 30;
    public double MinLambdaRatio { get; init; } = 0.001;

    /// <summary>A fixed λ (standardised scale); null = choose along the path (see <see cref="KeepFraction"/>).</summary>
    public double? Lambda { get; init; }

    /// <summary>The chosen λ is the largest (fewest cells) whose test R² reaches this fraction of the path's best.</summary>
    public double KeepFraction { get; init; } = 0.9;

    public void Validate()
    {
        if (Candidates < 1) throw new ConfigException($"probe candidates must be at least 1 (got {Candidates}).");
        if (MaxTrainRows < 10) throw new ConfigException($"probe rows must be at least 10 (got {MaxTrainRows}).");
        if (TestFraction is <= 0 or >= 1) throw new ConfigException($"the probe's test fraction must be in (0, 1) (got {TestFraction}).");
        if (PathLength < 2) throw new ConfigException($"the probe's λ path needs at least 2 values (got {PathLength}).");
        if (MinLambdaRatio is <= 0 or >= 1) throw new ConfigException($"the probe's smallest λ ratio must be in (0, 1) (got {MinLambdaRatio}).");
        if (Lambda is < 0) throw new ConfigException($"λ must not be negative (got {Lambda}).");
        if (KeepFraction is <= 0 or > 1) throw new ConfigException($"the probe's keep fraction must be in (0, 1] (got {KeepFraction}).");
    }
}

/// <summary>One λ on the path: how many cells it selects and how well they predict (refitted without shrinkage).</summary>
/// <param name="Lambda">The L1 penalty (standardised scale).</param>
/// <param name="Cells">Cells selected (nonzero weights).</param>
/// <param name="TrainR2">R² on the training part.</param>
/// <param name="TestR2">R² on the held-out part; null when the held-out feature is constant (R² undefined).</param>
/// <param name="TestAccuracy">Binary features: accuracy of prediction &gt; 0.5 on the held-out part.</param>
public sealed record ProbePathPoint(double Lambda, int Cells, double TrainR2, double? TestR2, double? TestAccuracy);

/// <summary>
/// A sparse linear probe: which few cells, linearly combined, reproduce a feature.
/// <see cref="Cells"/> are the cells selected at the chosen λ with their least-squares weights
/// (Score = |weight| on standardised cells, so weights compare across cells), largest first.
/// </summary>
/// <param name="Lambda">The chosen L1 penalty (standardised scale).</param>
/// <param name="LambdaMax">The smallest penalty that selects no cell.</param>
/// <param name="Cells">Selected cells, largest |weight| first.</param>
/// <param name="TrainR2">R² of the selected cells on the training part.</param>
/// <param name="TestR2">R² on the held-out part (null if the feature is constant there).</param>
/// <param name="TestAccuracy">Binary features: held-out accuracy of prediction &gt; 0.5.</param>
/// <param name="TestBaseRate">Binary features: accuracy of always guessing the held-out majority value.</param>
/// <param name="Candidates">Cells kept after screening by |r|.</param>
/// <param name="TrainRows">Characters used for fitting.</param>
/// <param name="TestRows">Characters held out.</param>
/// <param name="Path">Every λ tried, largest first.</param>
public sealed record SparseProbeResult(
    double Lambda, double LambdaMax, IReadOnlyList<RankedCell> Cells,
    double TrainR2, double? TestR2, double? TestAccuracy, double? TestBaseRate,
    int Candidates, int TrainRows, int TestRows, IReadOnlyList<ProbePathPoint> Path);

/// <summary>
/// Fits an L1-regularised linear regression of a feature on all cells (a "linear probe"):
/// screen every cell by |r| on the training part, standardise the best candidates, and run a
/// lasso path (<see cref="LassoPath"/>). The lasso only <em>selects</em> cells; each selection
/// is refitted by plain least squares ("relaxed lasso", Meinshausen 2007), so R² says how well
/// those cells explain the feature, not how much the L1 penalty shrank them. The training part
/// is the text's first 80%, the test part its last 20%. Binary features are fitted the same
/// way (a linear probability model) and also report accuracy. Managed code, any thread.
/// </summary>
public static class SparseProbe
{
    public static SparseProbeResult Fit(ActivationRecording recording, float[] feature,
        SparseProbeOptions? options = null, CellSelection? cells = null, bool binary = false)
    {
        options ??= new SparseProbeOptions();
        options.Validate();
        var data = ProbeData.Build(recording, feature, options, cells ?? CellSelection.All);
        var lasso = new LassoPath(data.Gram(), data.Covariance());
        double lambdaMax = lasso.LambdaMax;
        var beta = new double[data.Columns.Count];
        var path = new List<(ProbePathPoint Point, double[] Beta)>();
        foreach (double lambda in Lambdas(options, lambdaMax))
        {
            lasso.Solve(lambda, beta);
            var refit = lasso.Refit(beta);
            path.Add((Evaluate(data, lasso, lambda, refit, binary), refit));
        }
        var (chosen, weights) = options.Lambda is null ? Choose(path, options.KeepFraction) : path[^1];
        var ranked = data.Columns.Select((cell, j) => (cell, w: weights[j])).Where(x => x.w != 0)
            .OrderByDescending(x => Math.Abs(x.w))
            .Select(x => new RankedCell(x.cell.Layer, x.cell.Unit, x.cell.Kind, Math.Abs(x.w), x.w < 0 ? -1 : 1))
            .ToList();
        return new SparseProbeResult(chosen.Lambda, lambdaMax, ranked, chosen.TrainR2, chosen.TestR2, chosen.TestAccuracy,
            binary ? data.TestMajorityRate() : null, data.Columns.Count, data.TrainRows, data.TestRows,
            path.Select(p => p.Point).ToList());
    }

    private static IEnumerable<double> Lambdas(SparseProbeOptions options, double lambdaMax)
    {
        if (options.Lambda is double fixedLambda) return [fixedLambda];
        int k = options.PathLength;
        return Enumerable.Range(0, k).Select(i => lambdaMax * Math.Pow(options.MinLambdaRatio, i / (double)(k - 1)));
    }

    private static ProbePathPoint Evaluate(ProbeData data, LassoPath lasso, double lambda, double[] beta, bool binary)
    {
        double trainR2 = 1 - lasso.MeanSquaredResidual(data.TrainTargetSquares, beta) / data.TrainTargetSquares;
        var (testR2, accuracy) = data.Test(beta, binary);
        return new ProbePathPoint(lambda, beta.Count(b => b != 0), trainR2, testR2, accuracy);
    }

    // Fewest cells whose held-out R² reaches keepFraction of the best along the path.
    private static (ProbePathPoint, double[]) Choose(List<(ProbePathPoint Point, double[] Beta)> path, double keepFraction)
    {
        double Score(ProbePathPoint p) => p.TestR2 ?? p.TrainR2;
        double best = path.Max(p => Score(p.Point));
        if (best <= 0) return path.MaxBy(p => Score(p.Point));
        return path.First(p => p.Point.Cells > 0 && Score(p.Point) >= keepFraction * best);
    }
}
