using CharRnnLab.Core.Numerics;

namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>
/// The probe's design: candidate cells' columns, standardised with the training part's mean
/// and spread, for a (subsampled) training part and the held-out test part of the text.
/// </summary>
internal sealed class ProbeData
{
    private readonly float[][] _train;   // per candidate: standardised training column
    private readonly float[][] _test;    // per candidate: standardised test column
    private readonly float[] _trainTarget, _testTarget; // centred by the training mean
    private readonly double _targetMean;

    private ProbeData(List<CellId> columns, float[][] train, float[][] test, float[] trainTarget, float[] testTarget, double targetMean)
    {
        Columns = columns;
        _train = train;
        _test = test;
        _trainTarget = trainTarget;
        _testTarget = testTarget;
        _targetMean = targetMean;
        TrainTargetSquares = VectorMath.BlockedDot(trainTarget, trainTarget) / trainTarget.Length;
    }

    public IReadOnlyList<CellId> Columns { get; }
    public int TrainRows => _trainTarget.Length;
    public int TestRows => _testTarget.Length;

    /// <summary>Σ(y − ȳ)²/n on the training rows (the variance a probe can explain).</summary>
    public double TrainTargetSquares { get; }

    public static ProbeData Build(Recording.ActivationRecording recording, float[] feature, SparseProbeOptions options, CellSelection cells)
    {
        int n = recording.Characters, units = recording.Units;
        if (feature.Length != n)
            throw new ArgumentException($"The feature has {feature.Length} values for {n} characters.", nameof(feature));
        int testStart = n - (int)Math.Floor(n * options.TestFraction);
        if (testStart < 10 || n - testStart < 2)
            throw new CharRnnException($"The text is too short for a probe ({n} characters); give at least 50.");
        var trainFeature = feature.AsSpan(0, testStart).ToArray();
        var candidates = CorrelationRanker.OverPrefix(recording, trainFeature, cells).Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).Take(options.Candidates).Select(c => c.Cell).ToList();
        if (candidates.Count == 0)
            throw new CharRnnException("The feature is constant on the training part of the text (its first " +
                $"{100 * (1 - options.TestFraction):0}%), or no cell varies there; a probe needs both to vary.");
        int stride = (testStart + options.MaxTrainRows - 1) / options.MaxTrainRows;
        int[] trainRows = Rows(0, testStart, stride), testRows = Rows(testStart, n, stride);
        double mean = trainRows.Average(t => (double)feature[t]);
        var train = new float[candidates.Count][];
        var test = new float[candidates.Count][];
        for (int j = 0; j < candidates.Count; j++)
        {
            var values = recording.Get(candidates[j].Layer, candidates[j].Kind);
            int u = candidates[j].Unit;
            train[j] = trainRows.Select(t => values[t * units + u]).ToArray();
            test[j] = testRows.Select(t => values[t * units + u]).ToArray();
            Standardise(train[j], test[j]);
        }
        return new ProbeData(candidates, train, test,
            trainRows.Select(t => (float)(feature[t] - mean)).ToArray(),
            testRows.Select(t => (float)(feature[t] - mean)).ToArray(), mean);
    }

    /// <summary>G = XᵀX/n over the training rows.</summary>
    public double[,] Gram()
    {
        int p = _train.Length;
        var gram = new double[p, p];
        for (int j = 0; j < p; j++)
            for (int k = 0; k <= j; k++)
                gram[j, k] = gram[k, j] = VectorMath.BlockedDot(_train[j], _train[k]) / TrainRows;
        for (int j = 0; j < p; j++) gram[j, j] = Math.Max(gram[j, j], 1e-9); // a constant column stays at 0
        return gram;
    }

    /// <summary>c = Xᵀy/n over the training rows.</summary>
    public double[] Covariance() => _train.Select(column => VectorMath.BlockedDot(column, _trainTarget) / TrainRows).ToArray();

    /// <summary>R² (null if the held-out feature is constant) and, for binary features, accuracy at 0.5.</summary>
    public (double? R2, double? Accuracy) Test(double[] beta, bool binary)
    {
        double residual = 0, total = 0, testMean = _testTarget.Average(v => (double)v);
        int correct = 0;
        for (int t = 0; t < TestRows; t++)
        {
            double prediction = 0;
            for (int j = 0; j < beta.Length; j++) if (beta[j] != 0) prediction += beta[j] * _test[j][t];
            double y = _testTarget[t];
            residual += (y - prediction) * (y - prediction);
            total += (y - testMean) * (y - testMean);
            if ((prediction + _targetMean > 0.5) == (y + _targetMean > 0.5)) correct++;
        }
        return (total > 1e-12 ? 1 - residual / total : null, binary ? (double)correct / TestRows : null);
    }

    /// <summary>Share of the held-out part holding its most common binary value.</summary>
    public double TestMajorityRate()
    {
        double ones = _testTarget.Count(y => y + _targetMean > 0.5) / (double)TestRows;
        return Math.Max(ones, 1 - ones);
    }

    private static int[] Rows(int from, int to, int stride) =>
        Enumerable.Range(0, (to - from + stride - 1) / stride).Select(i => from + i * stride).ToArray();

    // (x − mean) / std with the training part's moments; a constant column becomes all zeros.
    private static void Standardise(float[] train, float[] test)
    {
        double mean = train.Average(v => (double)v);
        double std = Math.Sqrt(train.Average(v => (v - mean) * (v - mean)));
        float scale = std > 1e-8 ? (float)(1 / std) : 0;
        for (int i = 0; i < train.Length; i++) train[i] = (float)(train[i] - mean) * scale;
        for (int i = 0; i < test.Length; i++) test[i] = (float)(test[i] - mean) * scale;
    }
}
