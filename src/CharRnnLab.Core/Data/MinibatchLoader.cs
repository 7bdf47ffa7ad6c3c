using CharRnnLab.Core.Settings;

namespace CharRnnLab.Core.Data;

/// <summary>
/// One minibatch as plain arrays: <see cref="Inputs"/> and <see cref="Targets"/> are (B, T)
/// row-major, and Targets[b, t] is the symbol that follows Inputs[b, t] in the text.
/// </summary>
public sealed record Minibatch(int Batch, int Seq, int[] Inputs, int[] Targets);

/// <summary>
/// A split of the text cut into <see cref="Streams"/> contiguous streams, stored as a
/// (Streams, Columns) row-major matrix with Columns = Batches·T + 1. Batch k's inputs are columns
/// [kT, kT+T) and its targets columns [kT+1, kT+T+1): one extra column holds the last target.
/// </summary>
public sealed record StreamMatrix(int[] Symbols, int Streams, int Columns, int Seq)
{
    public int Batches => (Columns - 1) / Seq;
}

/// <summary>
/// char-rnn style batching. The text's head is the training split and its tail (a
/// <c>validationFraction</c> of it) the validation split. Each split is cut into B parallel
/// streams (stream b is one contiguous piece of the text); minibatch k holds the k-th window of T
/// steps of every stream, so the hidden state left by minibatch k is the right start for k+1
/// (truncated BPTT). Validation uses up to B streams, fewer when its split is short.
/// </summary>
public sealed class MinibatchLoader
{
    /// <summary>The largest validation fraction: <see cref="RunSettings"/>' limit, which this checks for every caller (training, n-grams).</summary>
    public static double MaxValidationFraction => RunSettings.ValidationFraction.Max;

    public MinibatchLoader(int[] encoded, int batch, int seq, double validationFraction)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        Validate(batch, seq, validationFraction);
        Batch = batch;
        Seq = seq;
        ValidationFraction = validationFraction;

        var (trainLength, validationLength) = SplitLengths(encoded.Length, validationFraction);
        if (!Fits(encoded.Length, batch, seq, validationFraction))
            throw TooShort(encoded.Length, batch, seq, validationFraction);

        Train = Cut(encoded.AsSpan(0, trainLength), batch, seq);
        Validation = validationLength > 0
            ? Cut(encoded.AsSpan(trainLength, validationLength), Math.Min(batch, (validationLength - 1) / seq), seq)
            : null;
    }

    public int Batch { get; }
    public int Seq { get; }
    public double ValidationFraction { get; }
    public StreamMatrix Train { get; }
    /// <summary>Null when the validation fraction is 0.</summary>
    public StreamMatrix? Validation { get; }

    public int TrainBatches => Train.Batches;
    public int ValidationBatches => Validation?.Batches ?? 0;
    /// <summary>Streams in each validation minibatch (≤ <see cref="Batch"/>).</summary>
    public int ValidationStreams => Validation?.Streams ?? 0;
    /// <summary>Symbols consumed by one training iteration (B·T).</summary>
    public int SymbolsPerBatch => Batch * Seq;

    public Minibatch TrainBatch(int index) => Slice(Train, index);
    public Minibatch ValidationBatch(int index) =>
        Slice(Validation ?? throw new InvalidOperationException("This loader has no validation split."), index);

    /// <summary>The fewest symbols a text needs for this batch size, sequence length and split.</summary>
    public static int MinimumLength(int batch, int seq, double validationFraction)
    {
        Validate(batch, seq, validationFraction);
        // Lower bound from the training split alone, then step up to the exact minimum
        // (floor() in the split makes the closed form off by a few).
        long n = (long)Math.Floor((batch * (long)seq + 1) / (1 - validationFraction));
        if (validationFraction > 0) n = Math.Max(n, (long)Math.Floor((seq + 1) / validationFraction));
        n = Math.Max(1, n - 2);
        while (!Fits(n, batch, seq, validationFraction)) n++;
        return checked((int)n);
    }

    private static bool Fits(long length, int batch, int seq, double validationFraction)
    {
        var (train, validation) = SplitLengths(length, validationFraction);
        return train >= batch * (long)seq + 1 && (validationFraction == 0 || validation >= seq + 1);
    }

    /// <summary>Symbols in the training split (the head) and the validation split (the tail) of a text of <paramref name="length"/> symbols.</summary>
    public static (int Train, int Validation) SplitLengths(long length, double validationFraction)
    {
        int validation = (int)Math.Floor(length * validationFraction);
        return ((int)(length - validation), validation);
    }

    private static StreamMatrix Cut(ReadOnlySpan<int> split, int streams, int seq)
    {
        int batches = (split.Length - 1) / (streams * seq);
        int streamLength = batches * seq;
        int columns = streamLength + 1;
        var symbols = new int[streams * columns];
        for (int b = 0; b < streams; b++)
            split.Slice(b * streamLength, columns).CopyTo(symbols.AsSpan(b * columns, columns));
        return new StreamMatrix(symbols, streams, columns, seq);
    }

    private static Minibatch Slice(StreamMatrix m, int index)
    {
        if (index < 0 || index >= m.Batches)
            throw new ArgumentOutOfRangeException(nameof(index), $"minibatch {index} is outside 0..{m.Batches - 1}");
        var inputs = new int[m.Streams * m.Seq];
        var targets = new int[m.Streams * m.Seq];
        for (int b = 0; b < m.Streams; b++)
        {
            var row = m.Symbols.AsSpan(b * m.Columns + index * m.Seq, m.Seq + 1);
            row[..m.Seq].CopyTo(inputs.AsSpan(b * m.Seq));
            row[1..].CopyTo(targets.AsSpan(b * m.Seq));
        }
        return new Minibatch(m.Streams, m.Seq, inputs, targets);
    }

    private static void Validate(int batch, int seq, double validationFraction)
    {
        if (batch < 1) throw new ConfigException($"batch must be at least 1 (got {batch}).");
        if (seq < 1) throw new ConfigException($"seq must be at least 1 (got {seq}).");
        if (double.IsNaN(validationFraction) || validationFraction < 0 || validationFraction > MaxValidationFraction)
            throw new ConfigException($"validation fraction must be between 0 and {MaxValidationFraction} (got {validationFraction}).");
    }

    private static CorpusException TooShort(int length, int batch, int seq, double validationFraction)
    {
        int minimum = MinimumLength(batch, seq, validationFraction);
        string split = validationFraction > 0
            ? $" and a {validationFraction:P0} validation split of at least {seq + 1} symbols"
            : "";
        return new CorpusException(
            $"The text is too short: it has {length:N0} characters, but batch {batch} × seq {seq}{split} needs at least " +
            $"{minimum:N0} characters (one training minibatch needs batch × seq + 1 = {batch * (long)seq + 1:N0}). " +
            "Use a longer text, or a smaller batch or seq.");
    }
}
