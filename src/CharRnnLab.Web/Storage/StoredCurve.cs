using CharRnnLab.Core.Numerics;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Storage;

/// <summary>What one batch of progress does to a run's rows in the metrics table.</summary>
/// <param name="Rewrite">Replace all of the run's rows by <paramref name="Rows"/> (the curve was compacted).</param>
/// <param name="Replaced">Else: the iteration of the row to delete first (the partly filled bucket the batch went on filling).</param>
/// <param name="Rows">The rows to write.</param>
internal sealed record CurveWrite(bool Rewrite, int? Replaced, IReadOnlyList<StoredProgress> Rows)
{
    public static readonly CurveWrite None = new(false, null, []);
}

/// <summary>
/// One run's loss curve as the lab stores it: at most <see cref="MaxRows"/> rows, each a bucket of consecutive progress points;
/// when the rows fill up, neighbouring buckets merge pairwise and the buckets double in width (Core's
/// <see cref="Decimator{T}"/>, the rule that also bounds a checkpoint's history and the charts). So 10 million iterations are
/// 5,000–10,000 rows of 1,024 points, not 10 million rows, and GetHistory reads them in a moment. The rows are the
/// decimator's completed buckets plus its partly filled one, which each batch replaces.
/// </summary>
internal sealed class StoredCurve
{
    /// <summary>Most rows a run's curve keeps (as many as a checkpoint's history keeps points).</summary>
    public const int MaxRows = 10_000;

    private readonly Decimator<StoredProgress> _buckets;
    private bool _rewrite;
    private int? _pendingIteration;

    private StoredCurve(int bucketWidth) => _buckets = new(MaxRows, StoredProgress.Merge, bucketWidth);

    /// <summary>The curve of a run's stored rows, oldest first. Rows that are not this curve's own (an earlier lab's row per
    /// iteration beyond <see cref="MaxRows"/>) are compacted here and rewritten by the first batch.</summary>
    public static StoredCurve Load(IReadOnlyList<StoredProgress> rows)
    {
        var curve = new StoredCurve(rows.Count == 0 ? 1 : rows.Max(r => r.Points));
        foreach (var row in rows)
            curve._rewrite |= curve._buckets.Add(row, row.Points, out _) == DecimatorStep.Compacted;
        curve._rewrite |= curve._buckets.Count + (curve._buckets.Pending is null ? 0 : 1) != rows.Count;
        curve._pendingIteration = curve._buckets.Pending?.Value.Point.Iteration;
        return curve;
    }

    /// <summary>Adds a batch of new points (later iterations than any stored) and says how the rows change.</summary>
    public CurveWrite Add(IReadOnlyList<ProgressEvent> points)
    {
        if (points.Count == 0 && !_rewrite) return CurveWrite.None;
        var completed = new List<StoredProgress>();
        foreach (var point in points)
        {
            switch (_buckets.Add(StoredProgress.Of(point), out _))
            {
                case DecimatorStep.Compacted: _rewrite = true; break;
                case DecimatorStep.Completed: completed.Add(Row(_buckets.Buckets[^1])); break;
            }
        }
        int? replaced = _pendingIteration;
        var pending = _buckets.Pending is { } p ? Row(p) : null;
        _pendingIteration = pending?.Point.Iteration;
        if (pending is not null) completed.Add(pending);
        if (!_rewrite) return new CurveWrite(false, replaced, completed);
        _rewrite = false;
        return new CurveWrite(true, null, Rows(pending));
    }

    private List<StoredProgress> Rows(StoredProgress? pending)
    {
        var rows = _buckets.Buckets.Select(Row).ToList();
        if (pending is not null) rows.Add(pending);
        return rows;
    }

    /// <summary>A bucket with the decimator's count as its point count (one rule for the count: the decimator's).</summary>
    private static StoredProgress Row((StoredProgress Value, int Count) bucket) => bucket.Value with { Points = bucket.Count };
}
