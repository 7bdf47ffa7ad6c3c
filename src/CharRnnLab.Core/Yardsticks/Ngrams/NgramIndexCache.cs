using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CharRnnLab.Core.Data;

namespace CharRnnLab.Core.Yardsticks.Ngrams;

/// <summary>Where an index came from.</summary>
public enum NgramIndexSource { Built, Loaded, BuiltNotSaved, BuiltUncached }

/// <summary>An index and how it was obtained; <see cref="Note"/> says why a cache was not written.</summary>
public sealed record CachedNgramIndex(NgramIndex Index, NgramIndexSource Source, string? Path, double Seconds, string? Note = null);

/// <summary>
/// Keeps an <see cref="NgramIndex"/> in a file next to the corpus, named by the corpus's SHA-256
/// and the validation fraction, e.g. <c>input.txt.3f2a9c01d4e7.val0.05.ngram</c>. The file holds
/// the suffix array and the discounts; it is used only when its header matches the corpus and
/// split and its suffix array is a permutation, and rebuilt otherwise.
/// </summary>
public static class NgramIndexCache
{
    private static readonly byte[] Magic = "CRNGRAM1"u8.ToArray();

    /// <summary>The cache file for a corpus read from a file; null for an in-memory corpus.</summary>
    public static string? PathFor(Corpus corpus, double validationFraction) =>
        corpus.SourcePath is null ? null
            : $"{corpus.SourcePath}.{Convert.ToHexStringLower(Hash(corpus))[..12]}.val{validationFraction.ToString("0.####", CultureInfo.InvariantCulture)}.ngram";

    /// <summary>Reads the index from <paramref name="path"/> when it is there and valid, else builds it and tries to save it.</summary>
    public static CachedNgramIndex LoadOrBuild(Corpus corpus, double validationFraction, string? path,
        int maxTrainingSymbols = NgramIndex.MaxTrainingSymbols)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        NgramIndex.Split(corpus, validationFraction, maxTrainingSymbols); // refuse a too-large corpus before reading anything
        byte[] hash = Hash(corpus);
        if (path is not null && TryLoad(path, corpus, validationFraction, hash) is { } loaded)
            return new CachedNgramIndex(loaded, NgramIndexSource.Loaded, path, clock.Elapsed.TotalSeconds);
        var index = NgramIndex.Build(corpus, validationFraction, maxTrainingSymbols);
        double seconds = clock.Elapsed.TotalSeconds;
        if (path is null) return new CachedNgramIndex(index, NgramIndexSource.BuiltUncached, null, seconds);
        try
        {
            Save(path, index, hash);
            return new CachedNgramIndex(index, NgramIndexSource.Built, path, seconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new CachedNgramIndex(index, NgramIndexSource.BuiltNotSaved, path, seconds, $"could not write {path}: {ex.Message}");
        }
    }

    private static byte[] Hash(Corpus corpus) => SHA256.HashData(Encoding.UTF8.GetBytes(corpus.Text));

    private static void Save(string path, NgramIndex index, byte[] hash)
    {
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(hash);
            writer.Write(index.ValidationFraction);
            writer.Write(index.TrainLength);
            writer.Write(index.Vocabulary);
            writer.Write(index.Discounts.Count);
            foreach (double d in index.Discounts) writer.Write(d);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(index.Reversed.Suffixes.AsSpan()));
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static NgramIndex? TryLoad(string path, Corpus corpus, double validationFraction, byte[] hash)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var (train, _) = MinibatchLoader.SplitLengths(corpus.Length, validationFraction);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || !reader.ReadBytes(hash.Length).AsSpan().SequenceEqual(hash)
                || reader.ReadDouble() != validationFraction || reader.ReadInt32() != train || reader.ReadInt32() != corpus.Vocabulary.Count)
                return null;
            int discounts = reader.ReadInt32();
            if (discounts != NgramIndex.MaxOrder + 1) return null;
            var d = new double[discounts];
            for (int k = 0; k < discounts; k++) d[k] = reader.ReadDouble();
            var suffixes = new int[train];
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(suffixes.AsSpan());
            if (reader.Read(bytes) != bytes.Length || reader.BaseStream.Position != reader.BaseStream.Length) return null;
            return IsPermutation(suffixes) ? NgramIndex.Restore(corpus, validationFraction, suffixes, d) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null; // unreadable: build anew
        }
    }

    private static bool IsPermutation(int[] values)
    {
        var seen = new bool[values.Length];
        foreach (int v in values)
        {
            if ((uint)v >= (uint)values.Length || seen[v]) return false;
            seen[v] = true;
        }
        return true;
    }
}
