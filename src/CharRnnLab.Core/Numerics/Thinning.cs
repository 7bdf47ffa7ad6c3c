namespace CharRnnLab.Core.Numerics;

/// <summary>
/// Keeps a growing list at no more than a limit by halving it whenever an item takes it past the limit: every other item dropped,
/// the first and the latest kept, so what is kept still spans the whole series. The rule for a run's training samples, in its
/// checkpoints (<see cref="Training.SampleLog"/>) and in the lab's store and pages alike.
/// </summary>
public static class Thinning
{
    /// <summary>Most training samples a run keeps.</summary>
    public const int MaxSamples = 1000;

    /// <summary>Appends <paramref name="item"/> to <paramref name="items"/>, then halves them if they are more than <paramref name="max"/>.</summary>
    /// <returns>Whether it halved them.</returns>
    public static bool Add<T>(List<T> items, T item, int max = MaxSamples)
    {
        items.Add(item);
        if (items.Count <= max) return false;
        int count = items.Count;
        var kept = items.Where((_, i) => i % 2 == 0 || i == count - 1).ToList();
        items.Clear();
        items.AddRange(kept);
        return true;
    }
}
