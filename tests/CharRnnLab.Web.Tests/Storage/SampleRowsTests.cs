using CharRnnLab.Core.Numerics;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Tests.Storage;

/// <summary>A run's stored and in-memory samples are bounded by the rule its checkpoints use, so GetHistory stays small.</summary>
public sealed class SampleRowsTests : IDisposable
{
    private const string RunId = "20250101-000000-abcd";
    private const int Samples = 5003;
    private readonly string _data = LabHost.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static SampleEvent Sample(int iteration) => new(RunId, iteration, 0.8, $"sample {iteration}", 2.0);

    /// <summary>The iterations kept of 1..<see cref="Samples"/> when each is added in turn to a thinned list.</summary>
    private static List<int> ThinnedOneByOne()
    {
        var kept = new List<int>();
        for (int i = 1; i <= Samples; i++) Thinning.Add(kept, i);
        return kept;
    }

    [Fact]
    public void A_run_sampling_every_iteration_stores_at_most_the_limit_the_first_and_the_latest_kept()
    {
        var store = new RunStore(Options.Create(new LabOptions { DataDirectory = _data }));
        var now = DateTimeOffset.UtcNow;
        var run = new RunSummary(RunId, "chatty", "tiny", RunState.Running, null, 0, Samples, null, null, null, now, now, "upload-tiny", RunConfig.Default);
        store.Insert(run);

        for (int start = 1; start <= Samples; start += 7)
            store.Append(run, [], Enumerable.Range(start, Math.Min(7, Samples - start + 1)).Select(Sample).ToList());

        var stored = store.ReadSamples(RunId);
        Assert.Equal(ThinnedOneByOne(), stored.Select(s => s.Iteration));
        Assert.InRange(stored.Count, Thinning.MaxSamples / 2, Thinning.MaxSamples);
        Assert.Equal((1, Samples), (stored[0].Iteration, stored[^1].Iteration));
        Assert.All(stored, s => Assert.Equal($"sample {s.Iteration}", s.Text));
    }

    [Fact]
    public void The_pages_buffer_keeps_the_same_samples()
    {
        var buffer = new RunHistoryBuffer(100);
        for (int i = 1; i <= Samples; i++) buffer.Add(RunId, new TrainingSample(i, 0.8, $"sample {i}", 2.0));

        Assert.Equal(ThinnedOneByOne(), buffer.Snapshot().Samples.Select(s => s.Iteration));
    }
}
