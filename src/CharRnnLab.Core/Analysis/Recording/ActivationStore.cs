namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>
/// One (layer, kind) of a recording: [characters × units] values, row-major, read as float32
/// whatever they are kept as. Stored kinds (<see cref="SingleStore"/>, <see cref="HalfStore"/>)
/// are written once by the recorder; derived kinds (<see cref="TanhCellStore"/>,
/// <see cref="LstmHiddenStore"/>) are computed on read from stored ones and hold nothing.
/// </summary>
internal abstract class ActivationStore
{
    /// <summary>Values held: characters × units.</summary>
    public abstract int Length { get; }

    /// <summary>Bytes this store itself holds (0 for a derived kind).</summary>
    public abstract long Bytes { get; }

    /// <summary>Values [offset, offset + destination.Length) as float32.</summary>
    public abstract void Read(int offset, Span<float> destination);

    /// <summary>One unit over every position: destination[t] = value[t·units + unit].</summary>
    public abstract void ReadColumn(int unit, int units, Span<float> destination);

    /// <summary>Every value as a float32 array (a fresh one, but for <see cref="SingleStore"/>'s own).</summary>
    public virtual float[] ToArray()
    {
        var values = GC.AllocateUninitializedArray<float>(Length);
        Read(0, values);
        return values;
    }
}

/// <summary>A stored kind the recorder writes: rows straight into float32 storage, or converted on the way in.</summary>
internal abstract class WritableStore : ActivationStore
{
    /// <summary>The float32 storage of [offset, offset + length) to write in place, or an empty span when values are converted.</summary>
    public abstract Span<float> InPlace(int offset, int length);

    /// <summary>Keeps <paramref name="values"/> at [offset, offset + values.Length); nothing to do when they already are its in-place storage.</summary>
    public abstract void Write(int offset, ReadOnlySpan<float> values);

    /// <summary>A store of <paramref name="length"/> values in <paramref name="precision"/>.</summary>
    public static WritableStore Create(RecordingPrecision precision, int length) => precision switch
    {
        // Uninitialised: the stream plan writes every position exactly once.
        RecordingPrecision.Single => new SingleStore(GC.AllocateUninitializedArray<float>(length)),
        _ => new HalfStore(GC.AllocateUninitializedArray<ushort>(length)),
    };
}

/// <summary>float32 storage: the recorder's values bit for bit.</summary>
internal sealed class SingleStore(float[] values) : WritableStore
{
    public override int Length => values.Length;
    public override long Bytes => (long)values.Length * sizeof(float);

    public override void Read(int offset, Span<float> destination) => values.AsSpan(offset, destination.Length).CopyTo(destination);

    public override void ReadColumn(int unit, int units, Span<float> destination)
    {
        for (int t = 0; t < destination.Length; t++) destination[t] = values[t * units + unit];
    }

    public override float[] ToArray() => values;

    public override Span<float> InPlace(int offset, int length) => values.AsSpan(offset, length);

    public override void Write(int offset, ReadOnlySpan<float> row)
    {
        var target = values.AsSpan(offset, row.Length);
        if (!row.Overlaps(target)) row.CopyTo(target);
    }
}

/// <summary>float16 storage (the bits of each value): half the bytes, values rounded to 11 significant bits.</summary>
internal sealed class HalfStore(ushort[] bits) : WritableStore
{
    public override int Length => bits.Length;
    public override long Bytes => (long)bits.Length * sizeof(ushort);

    public override void Read(int offset, Span<float> destination) =>
        HalfConversion.ToSingle(bits.AsSpan(offset, destination.Length), destination);

    public override void ReadColumn(int unit, int units, Span<float> destination)
    {
        for (int t = 0; t < destination.Length; t++) destination[t] = HalfConversion.ToSingle(bits[t * units + unit]);
    }

    public override Span<float> InPlace(int offset, int length) => Span<float>.Empty;

    public override void Write(int offset, ReadOnlySpan<float> row) => HalfConversion.ToHalf(row, bits.AsSpan(offset, row.Length));
}
