namespace CharRnnLab.Core.Numerics;

/// <summary>
/// Keeps a growing series at no more than <c>maxPoints</c> points so a 50,000-iteration curve
/// stays light: points are averaged into buckets of <see cref="BucketWidth"/> consecutive
/// inputs; when the series fills up, neighbouring buckets are merged pairwise and the width
/// doubles. Appending is O(1) amortised; a compaction (rare: log2(n / maxPoints) times) is
/// reported so a chart can redraw instead of extending.
/// </summary>
/// <param name="maxPoints">The most completed buckets kept; one more merges them pairwise and doubles the width.</param>
/// <param name="merge">Combines two buckets given their input counts (e.g. a weighted mean).</param>
/// <param name="bucketWidth">Inputs per bucket to start with: a series restored from buckets stored at that width
/// (see <see cref="Add(T, int, out T)"/>) goes on at it.</param>
public sealed class Decimator<T>(int maxPoints, Func<T, int, T, int, T> merge, int bucketWidth = 1)
{
    private readonly List<(T Value, int Count)> _buckets = [];
    private (T Value, int Count)? _pending;

    /// <summary>Inputs per completed bucket.</summary>
    public int BucketWidth { get; private set; } = bucketWidth >= 1 ? bucketWidth : throw new ArgumentOutOfRangeException(nameof(bucketWidth));

    /// <summary>Completed buckets with the inputs each stands for, oldest first.</summary>
    public IReadOnlyList<(T Value, int Count)> Buckets => _buckets;

    /// <summary>The partly filled last bucket and its input count, if there is one.</summary>
    public (T Value, int Count)? Pending => _pending;

    /// <summary>Completed buckets, oldest first (the partly filled last bucket is not included).</summary>
    public IEnumerable<T> Completed => _buckets.Select(b => b.Value);

    /// <summary>Completed buckets plus the partly filled one: everything seen, decimated.</summary>
    public IEnumerable<T> All => _pending is { } p ? Completed.Append(p.Value) : Completed;

    public int Count => _buckets.Count;

    /// <summary>Adds an input; <paramref name="completed"/> is the bucket it completed, if it did.</summary>
    public DecimatorStep Add(T value, out T completed) => Add(value, 1, out completed);

    /// <summary>Adds an input that already stands for <paramref name="count"/> inputs (a bucket read back from storage);
    /// a bucket completes once it holds at least <see cref="BucketWidth"/> inputs.</summary>
    public DecimatorStep Add(T value, int count, out T completed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        completed = default!;
        _pending = _pending is { } p ? (merge(p.Value, p.Count, value, count), p.Count + count) : (value, count);
        if (_pending.Value.Count < BucketWidth) return DecimatorStep.Pending;

        var done = _pending.Value;
        _buckets.Add(done);
        _pending = null;
        if (_buckets.Count <= maxPoints)
        {
            completed = done.Value;
            return DecimatorStep.Completed;
        }
        Compact();
        return DecimatorStep.Compacted;
    }

    public void Clear()
    {
        _buckets.Clear();
        _pending = null;
        BucketWidth = 1;
    }

    private void Compact()
    {
        var merged = new List<(T, int)>(_buckets.Count / 2 + 1);
        for (int i = 0; i + 1 < _buckets.Count; i += 2)
        {
            var (a, ca) = _buckets[i];
            var (b, cb) = _buckets[i + 1];
            merged.Add((merge(a, ca, b, cb), ca + cb));
        }
        if (_buckets.Count % 2 == 1) _pending = _buckets[^1];
        _buckets.Clear();
        _buckets.AddRange(merged);
        BucketWidth *= 2;
    }
}

/// <summary>What adding a point did: nothing visible yet, completed a bucket, or merged buckets.</summary>
public enum DecimatorStep { Pending, Completed, Compacted }
