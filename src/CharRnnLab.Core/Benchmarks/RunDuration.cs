using CharRnnLab.Core.Settings;

namespace CharRnnLab.Core.Benchmarks;

/// <summary>
/// How long a run of fixed iterations takes at a measured training rate, from its work in floating-point
/// operations (<see cref="ModelFlops"/>): every trained character (iterations × B × T) forward and backward,
/// plus each validation pass forward only (its minibatches counted as <see cref="Training.TrainingConfig.EvalBatches"/>,
/// an upper bound when the split is shorter; "the whole split" is not counted). Training samples, checkpoints
/// and start-up are left out: a few per cent on the runs the lab's presets make.
/// </summary>
public static class RunDuration
{
    /// <summary>Floating-point operations of the whole run of <paramref name="config"/> on <paramref name="vocabulary"/> symbols.</summary>
    public static double Flops(RunConfig config, int vocabulary)
    {
        var training = config.Training;
        if (training.Iterations <= 0)
            throw new ArgumentException("Only a run of fixed iterations has a known length; this one is given in epochs.", nameof(config));
        double positions = (double)training.Batch * training.Seq; // B·T characters per minibatch
        double evaluations = training.EvalEvery > 0 ? Math.Ceiling((double)training.Iterations / training.EvalEvery) : 0;
        return training.Iterations * positions * ModelFlops.Training(config.Model, vocabulary)
               + evaluations * training.EvalBatches * positions * ModelFlops.Forward(config.Model, vocabulary);
    }

    /// <summary>The run's wall time at <paramref name="flopsPerSecond"/> (a rate measured while training, so overheads included).</summary>
    public static TimeSpan At(RunConfig config, int vocabulary, double flopsPerSecond) =>
        TimeSpan.FromSeconds(Flops(config, vocabulary) / flopsPerSecond);
}
