namespace CharRnnLab.Core.Training;

/// <summary>
/// char-rnn's step decay: the rate is multiplied by <see cref="Decay"/> each time the count of
/// completed iterations reaches a multiple of <see cref="Every"/> that is at least
/// <see cref="After"/>. Stateless (a function of the iteration), so a resumed run gets exactly
/// the rates it would have had.
/// </summary>
internal sealed record LearningRateSchedule(double BaseRate, double Decay, int Every, int After)
{
    /// <summary>Resolves "once per epoch" (DecayEvery 0) and "after 10 epochs" (DecayAfter -1).</summary>
    public static LearningRateSchedule For(TrainingConfig config, int trainBatches) => new(
        config.LearningRate,
        config.LearningRateDecay,
        config.DecayEvery > 0 ? config.DecayEvery : trainBatches,
        config.DecayAfter >= 0 ? config.DecayAfter : 10 * trainBatches);

    /// <summary>The rate used by iteration <paramref name="iteration"/> (1-based).</summary>
    public double At(int iteration)
    {
        if (Decay >= 1) return BaseRate;
        long first = Math.Max(1, (After + (long)Every - 1) / Every); // first decay point k·Every ≥ After
        long last = (iteration - 1L) / Every;                          // last decay point before this iteration
        return BaseRate * Math.Pow(Decay, Math.Max(0, last - first + 1));
    }
}
