namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>
/// SplitMix64: a tiny PRNG whose output is fixed by this file alone, so a seeded generator
/// produces the same bytes on every .NET version and OS (System.Random makes no such promise,
/// and the corpus hashes are pinned by tests).
/// </summary>
public sealed class DeterministicRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be positive");
        return (int)(NextUInt64() % (ulong)count);
    }

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>Uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Index drawn with the given relative weights.</summary>
    public int Weighted(params double[] weights)
    {
        double r = NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length - 1; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.Length - 1;
    }
}
