using CharRnnLab.Core.Analysis.Features;

namespace CharRnnLab.Core.Interventions;

/// <summary>How an edit moved the loss on one class of positions (nats per character; NaN where the class is empty).</summary>
/// <param name="Feature">The class's track name.</param>
/// <param name="Positions">Predictions made in the class.</param>
/// <param name="BaseLoss">Mean −log p(next) there, unedited.</param>
/// <param name="LossChange">Mean edited − unedited loss there.</param>
public sealed record ClassLossChange(string Feature, int Positions, double BaseLoss, double LossChange);

/// <summary>
/// What a set of edits did to the predictions over a text: per character j ≥ 1,
/// <see cref="LogProbabilityChange"/>[j − 1] = log q(text[j] | text[&lt; j]) − log p(text[j] | text[&lt; j]),
/// q the edited model and p the unedited one (positive: the edit made the actual character more
/// likely), and the mean loss change overall and per feature class.
/// </summary>
public sealed record EditEffect(float[] LogProbabilityChange, int Positions, double BaseLoss, double LossChange,
    IReadOnlyList<ClassLossChange> Classes)
{
    /// <summary>
    /// Compares two passes over the same text: <paramref name="unedited"/>[t] and
    /// <paramref name="edited"/>[t] are the probabilities each gave the character after t (the
    /// recorder's next-symbol probability; the last position has none). Classes are positions
    /// where their track is &gt; 0 after reading t (<see cref="FeatureClasses"/>).
    /// </summary>
    public static EditEffect Compare(float[] unedited, float[] edited, IReadOnlyList<string> symbols, IReadOnlyList<IFeatureTrack> classes)
    {
        if (unedited.Length != symbols.Count || edited.Length != symbols.Count)
            throw new ArgumentException($"{unedited.Length} and {edited.Length} probabilities for {symbols.Count} characters.");
        if (symbols.Count < 2) throw new CharRnnException("The text needs at least two characters: a loss is the prediction of the next one.");
        int n = symbols.Count - 1; // predictions: position t predicts character t + 1
        var baseLoss = new double[n];
        var change = new float[n];
        for (int t = 0; t < n; t++)
        {
            baseLoss[t] = -Log(unedited[t]);
            change[t] = (float)(Log(edited[t]) - Log(unedited[t]));
        }
        var all = Enumerable.Repeat(true, n).ToArray();
        var perClass = classes.Select(c =>
        {
            bool[] mask = c.Compute(symbols).Take(n).Select(v => v > 0).ToArray();
            return new ClassLossChange(c.Name, mask.Count(on => on), Mean(baseLoss, mask), -Mean(change, mask));
        }).ToArray();
        return new EditEffect(change, n, Mean(baseLoss, all), -Mean(change, all), perClass);
    }

    // log p, kept finite for a probability that underflowed to 0 in float32.
    private static double Log(float p) => Math.Log(Math.Max(p, float.Epsilon));

    private static double Mean(IReadOnlyList<double> values, bool[] mask) => Mean(i => values[i], mask);

    private static double Mean(float[] values, bool[] mask) => Mean(i => values[i], mask);

    private static double Mean(Func<int, double> value, bool[] mask)
    {
        double sum = 0;
        int count = 0;
        for (int t = 0; t < mask.Length; t++)
        {
            if (!mask[t]) continue;
            sum += value(t);
            count++;
        }
        return count == 0 ? double.NaN : sum / count;
    }
}
