namespace CharRnnLab.Core.Analysis.Ranking;

/// <summary>
/// L1-regularised least squares on standardised columns, by coordinate descent in covariance
/// form (Friedman, Hastie &amp; Tibshirani 2010, "glmnet"): minimises
/// (1/2n)·‖y − Xβ‖² + λ·‖β‖₁ using only the Gram matrix G = XᵀX/n and c = Xᵀy/n, so a sweep
/// costs O(p²) whatever the number of rows. Along a decreasing λ path each solution warm-starts
/// the next.
/// </summary>
internal sealed class LassoPath(double[,] gram, double[] covariance)
{
    private const int MaxSweeps = 2000;
    private const double Tolerance = 1e-7;
    private readonly int _p = covariance.Length;

    /// <summary>The smallest λ at which every coefficient is zero: max |c_j|.</summary>
    public double LambdaMax => covariance.Length == 0 ? 0 : covariance.Max(Math.Abs);

    /// <summary>Solves at <paramref name="lambda"/>, starting from <paramref name="beta"/> (updated in place).</summary>
    public void Solve(double lambda, double[] beta)
    {
        var q = new double[_p]; // q = G·β
        for (int j = 0; j < _p; j++)
            if (beta[j] != 0) AddColumn(q, j, beta[j]);
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double largest = 0;
            for (int j = 0; j < _p; j++)
            {
                double diagonal = gram[j, j];
                double partial = covariance[j] - q[j] + diagonal * beta[j]; // c_j − Σ_{k≠j} G_jk β_k
                double updated = SoftThreshold(partial, lambda) / diagonal;
                double delta = updated - beta[j];
                if (delta == 0) continue;
                beta[j] = updated;
                AddColumn(q, j, delta);
                largest = Math.Max(largest, Math.Abs(delta));
            }
            if (largest < Tolerance) return;
        }
    }

    /// <summary>Training residual sum of squares / n, from the Gram form: yᵀy/n − 2βᵀc + βᵀGβ.</summary>
    public double MeanSquaredResidual(double yy, double[] beta)
    {
        double fit = 0, quadratic = 0;
        for (int j = 0; j < _p; j++)
        {
            if (beta[j] == 0) continue;
            fit += beta[j] * covariance[j];
            for (int k = 0; k < _p; k++) if (beta[k] != 0) quadratic += beta[j] * gram[j, k] * beta[k];
        }
        return yy - 2 * fit + quadratic;
    }

    /// <summary>
    /// Least squares on the cells <paramref name="beta"/> selected (nonzero), without the L1
    /// shrinkage ("relaxed lasso"): the honest weights and fit of that subset. A tiny ridge
    /// keeps nearly collinear cells solvable.
    /// </summary>
    public double[] Refit(double[] beta)
    {
        int[] support = Enumerable.Range(0, _p).Where(j => beta[j] != 0).ToArray();
        int m = support.Length;
        var a = new double[m, m + 1]; // augmented [G_SS | c_S]
        for (int i = 0; i < m; i++)
        {
            for (int k = 0; k < m; k++) a[i, k] = gram[support[i], support[k]];
            a[i, i] += 1e-6;
            a[i, m] = covariance[support[i]];
        }
        var solution = SolveSymmetricPositive(a, m);
        var refit = new double[_p];
        for (int i = 0; i < m; i++) refit[support[i]] = solution[i];
        return refit;
    }

    // Gaussian elimination without pivoting: safe for a symmetric positive definite matrix.
    private static double[] SolveSymmetricPositive(double[,] a, int m)
    {
        for (int col = 0; col < m; col++)
            for (int row = col + 1; row < m; row++)
            {
                double factor = a[row, col] / a[col, col];
                if (factor == 0) continue;
                for (int k = col; k <= m; k++) a[row, k] -= factor * a[col, k];
            }
        var x = new double[m];
        for (int row = m - 1; row >= 0; row--)
        {
            double sum = a[row, m];
            for (int k = row + 1; k < m; k++) sum -= a[row, k] * x[k];
            x[row] = sum / a[row, row];
        }
        return x;
    }

    private void AddColumn(double[] q, int j, double scale)
    {
        for (int k = 0; k < _p; k++) q[k] += gram[k, j] * scale;
    }

    private static double SoftThreshold(double x, double lambda) =>
        x > lambda ? x - lambda : x < -lambda ? x + lambda : 0;
}
