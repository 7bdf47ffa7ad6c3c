using CharRnnLab.Core.Settings;

namespace CharRnnLab.Core.Model;

/// <summary>
/// Sizes models to a parameter budget, as the paper compares LSTM, GRU and RNN: at the same
/// number of weights, a GRU is wider than an LSTM (3 gates against 4) and a vanilla RNN wider still.
/// </summary>
public static class ParameterMatch
{
    /// <summary>
    /// The hidden size that gives <paramref name="shape"/> (its cell, layers and embedding; its own
    /// hidden size is ignored) the parameter count closest to <paramref name="target"/> for a
    /// vocabulary of <paramref name="vocabulary"/> symbols, within <see cref="RunSettings.Hidden"/>'s limits
    /// (or below <paramref name="maxHidden"/>). On a tie, the smaller model.
    /// </summary>
    public static int HiddenFor(long target, ModelConfig shape, int vocabulary, int? maxHidden = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabulary, 1);
        long Count(int hidden) => ParameterLayout.ParameterCount(shape with { Hidden = hidden }, vocabulary);
        int low = (int)RunSettings.Hidden.Min, high = maxHidden ?? (int)RunSettings.Hidden.Max;
        // The count grows with the hidden size: find the first size at or above the target.
        while (low < high)
        {
            int middle = low + (high - low) / 2;
            if (Count(middle) < target) low = middle + 1;
            else high = middle;
        }
        bool smallerIsCloser = low > RunSettings.Hidden.Min && target - Count(low - 1) <= Count(low) - target;
        return smallerIsCloser ? low - 1 : low;
    }

    /// <summary><paramref name="shapes"/> resized to <paramref name="reference"/>'s parameter count.</summary>
    public static IReadOnlyList<ModelConfig> Matched(ModelConfig reference, IEnumerable<ModelConfig> shapes, int vocabulary, int? maxHidden = null)
    {
        long target = ParameterLayout.ParameterCount(reference, vocabulary);
        return shapes.Select(s => s with { Hidden = HiddenFor(target, s, vocabulary, maxHidden) }).ToList();
    }
}
