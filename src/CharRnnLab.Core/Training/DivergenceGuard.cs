namespace CharRnnLab.Core.Training;

/// <summary>
/// Stops a run whose loss turns NaN/infinite or climbs above <c>factor</c> × the first loss
/// (char-rnn's "loss is exploding, aborting"). The first loss is kept in checkpoints so a
/// resumed run is held to the same yardstick.
/// </summary>
internal sealed class DivergenceGuard(double factor, double? firstLoss)
{
    public double? FirstLoss { get; private set; } = firstLoss;

    /// <summary>Throws <see cref="DivergenceException"/> when this iteration's numbers show divergence.</summary>
    public void Check(int iteration, double loss, double gradientNorm, double learningRate, int lastGoodCheckpoint)
    {
        string? what = null;
        if (!double.IsFinite(loss)) what = $"the loss became {loss}";
        else if (!double.IsFinite(gradientNorm)) what = $"the gradient norm became {gradientNorm}";
        else if (FirstLoss is double first && loss > factor * first)
            what = $"the loss {loss:F3} exceeded {factor} × the first loss {first:F3} (it is exploding)";
        FirstLoss ??= loss;
        if (what is null) return;
        string kept = lastGoodCheckpoint > 0
            ? $"The last good checkpoint (iteration {lastGoodCheckpoint}) is kept."
            : "No checkpoint had been saved yet.";
        throw new DivergenceException(
            $"Training diverged at iteration {iteration}: {what}. The learning rate ({learningRate:G3}) is probably too high: " +
            $"lower it (e.g. to {learningRate / 10:G3}) or keep gradient clipping on. {kept}");
    }
}
