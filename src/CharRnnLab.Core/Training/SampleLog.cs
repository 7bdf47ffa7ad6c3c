using CharRnnLab.Core.Numerics;

namespace CharRnnLab.Core.Training;

/// <summary>
/// The training samples a run keeps and its checkpoints carry: at most <see cref="Max"/>; beyond it every other
/// one is dropped (the first and the latest kept, <see cref="Thinning"/>), so a long run's checkpoint keeps the evolution
/// of its samples without growing (or rewriting thousands) with every save.
/// </summary>
internal sealed class SampleLog(IEnumerable<TrainingSample> saved, int max = SampleLog.Max)
{
    public const int Max = Thinning.MaxSamples;

    private readonly List<TrainingSample> _samples = saved.ToList();

    public void Add(TrainingSample sample) => Thinning.Add(_samples, sample, max);

    public TrainingSample[] ToArray() => _samples.ToArray();
}
