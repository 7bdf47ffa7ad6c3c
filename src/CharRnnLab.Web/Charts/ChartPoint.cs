namespace CharRnnLab.Web.Charts;

/// <summary>One point of a loss curve: iteration and loss.</summary>
public readonly record struct ChartPoint(double X, double Y)
{
    /// <summary>Bucket merge: the later point's iteration, the count-weighted mean loss.</summary>
    public static ChartPoint Merge(ChartPoint a, int countA, ChartPoint b, int countB) =>
        new(b.X, (a.Y * countA + b.Y * countB) / (countA + countB));
}
