namespace CharRnnLab.Core.Checkpoints;

/// <summary>
/// history.bin: the point count, then per point its iteration (int32), training loss and
/// validation loss (float64 each; NaN where none was measured), little-endian.
/// </summary>
internal static class HistoryFormat
{
    public const int PointBytes = sizeof(int) + 2 * sizeof(double);

    /// <summary>The size of a history of <paramref name="points"/> points.</summary>
    public static long ByteCount(long points) => sizeof(int) + PointBytes * Math.Max(points, 0);

    public static void Write(BinaryWriter w, IReadOnlyList<LossPoint> history)
    {
        w.Write(history.Count);
        foreach (var p in history)
        {
            w.Write(p.Iteration);
            w.Write(p.TrainLoss);
            w.Write(p.ValidationLoss ?? double.NaN);
        }
        w.Flush();
    }

    /// <summary>Reads a whole history.bin held in <paramref name="bytes"/>, refusing counts it cannot hold.</summary>
    public static List<LossPoint> Read(MemoryStream bytes)
    {
        using var r = new BinaryReader(bytes);
        int count = r.ReadInt32();
        if (count < 0 || ByteCount(count) > bytes.Length) throw new InvalidDataException("history.bin is corrupt");
        var history = new List<LossPoint>(count);
        for (int i = 0; i < count; i++)
        {
            int iteration = r.ReadInt32();
            double train = r.ReadDouble(), validation = r.ReadDouble();
            history.Add(new LossPoint(iteration, train, double.IsNaN(validation) ? null : validation));
        }
        return history;
    }
}
