namespace CharRnnLab.Core.Training;

/// <summary>
/// The training samples a run keeps and its checkpoints carry: at most <see cref="Max"/>; beyond it every other
/// one is dropped (the first and the latest kept), so a long run's checkpoint keeps the evolution of its samples
/// without growing (or rewriting thousands) with every save.
/// </summary>
internal sealed class SampleLog(IEnumerable<TrainingSample> saved, int max = SampleLog.Max)
{
    public const int Max = 1000;

    private readonly List<TrainingSample> _samples = saved.ToList();

    public void Add(TrainingSample sample)
    {
        _samples.Add(sample);
        if (_samples.Count <= max) return;
        var kept = _samples.Where((_, i) => i % 2 == 0 || i == _samples.Count - 1).ToList();
        _samples.Clear();
        _samples.AddRange(kept);
    }

    public TrainingSample[] ToArray() => _samples.ToArray();
}
