namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// How a text of N characters is cut into S parallel streams. Stream s owns the piece
/// [s·L, s·L + Length[s]) and reads its window from Start[s] = max(0, s·L − W): the first
/// Offset[s] = s·L − Start[s] steps are warm-up, recorded nowhere. Stream 0 starts at 0 with
/// the zero state, exactly as the model does. All windows have <see cref="WindowLength"/>
/// steps; steps past the end of the text are padding, and since the recurrence is causal they
/// never affect a kept value.
/// </summary>
internal sealed class StreamPlan
{
    private StreamPlan(int characters, int streams, int warmUp, int segmentLength)
    {
        Streams = streams;
        WarmUp = warmUp;
        SegmentLength = segmentLength;
        Start = new int[streams];
        Offset = new int[streams];
        Length = new int[streams];
        for (int s = 0; s < streams; s++)
        {
            int pieceStart = s * segmentLength;
            Start[s] = Math.Max(0, pieceStart - warmUp);
            Offset[s] = pieceStart - Start[s];
            Length[s] = Math.Min(segmentLength, characters - pieceStart);
            WindowLength = Math.Max(WindowLength, Offset[s] + Length[s]);
        }
    }

    public int Streams { get; }
    public int WarmUp { get; }
    public int SegmentLength { get; }
    public int WindowLength { get; }
    public int[] Start { get; }
    public int[] Offset { get; }
    public int[] Length { get; }

    /// <summary>
    /// Uses at most <paramref name="streams"/> streams, but no more than N / (2W) so that the
    /// warm-up never adds more than half the recording's own work, and never an empty stream.
    /// </summary>
    public static StreamPlan Create(int characters, int streams, int warmUp)
    {
        if (characters < 1) throw new ArgumentOutOfRangeException(nameof(characters));
        int s = Math.Clamp(Math.Min(streams, characters / Math.Max(2 * warmUp, 1)), 1, streams);
        int segment = (characters + s - 1) / s;
        s = (characters + segment - 1) / segment;
        return new StreamPlan(characters, s, s == 1 ? 0 : warmUp, segment);
    }

    /// <summary>
    /// The (S, T) window of <paramref name="sequence"/> shifted by <paramref name="shift"/>
    /// (0 = inputs, 1 = the next symbols), row-major; positions past the end hold 0.
    /// </summary>
    public long[] Windows(int[] sequence, int shift = 0)
    {
        var windows = new long[(long)Streams * WindowLength];
        for (int s = 0; s < Streams; s++)
        {
            for (int t = 0; t < WindowLength; t++)
            {
                int i = Start[s] + t + shift;
                windows[(long)s * WindowLength + t] = i < sequence.Length ? sequence[i] : 0;
            }
        }
        return windows;
    }

    /// <summary>The window steps [from, to) of stream s that are kept, clipped to [t0, t1).</summary>
    public (int From, int To) KeptSteps(int s, int t0, int t1) =>
        (Math.Max(Offset[s], t0), Math.Min(Offset[s] + Length[s], t1));

    /// <summary>Whether stream s keeps window step w (not warm-up, not padding).</summary>
    public bool Keeps(int s, int w) => w >= Offset[s] && w < Offset[s] + Length[s];

    /// <summary>
    /// Copies each stream's kept steps of a chunk of window steps [t0, t0 + steps), laid out
    /// (S, C, width) row-major, to their text positions in <paramref name="destination"/> (N × width).
    /// </summary>
    public void CopyKept<T>(ReadOnlySpan<T> chunk, int t0, int steps, int width, T[] destination)
    {
        foreach (var (source, target, length) in KeptRanges(t0, steps, width))
            chunk.Slice(source, length).CopyTo(destination.AsSpan(target));
    }

    /// <summary>
    /// For each stream with kept steps in the chunk [t0, t0 + steps) laid out (S, C, width): where
    /// they start in the chunk, where in the (N × width) text array, and how many values they are.
    /// </summary>
    public IEnumerable<(int Source, int Target, int Length)> KeptRanges(int t0, int steps, int width)
    {
        for (int s = 0; s < Streams; s++)
        {
            var (from, to) = KeptSteps(s, t0, t0 + steps);
            if (from < to) yield return ((s * steps + (from - t0)) * width, (Start[s] + from) * width, (to - from) * width);
        }
    }
}
