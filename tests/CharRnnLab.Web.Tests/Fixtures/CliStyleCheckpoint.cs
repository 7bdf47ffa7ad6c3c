using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>
/// A checkpoint trained outside the lab's run manager, as <c>charrnn train</c> does it: options parsed by
/// Core's <see cref="RunSettings"/> under the CLI's flag names, a <see cref="TrainingSession"/> on the lab
/// corpus's text (on the lab's lane), the file written where <c>--out</c> would put it.
/// </summary>
public static class CliStyleCheckpoint
{
    /// <summary>Trains with <paramref name="flags"/> (e.g. ("optimizer", "rmsprop")) to the end and returns checkpoint.crnn's bytes.</summary>
    public static async Task<byte[]> TrainAsync(LabHost lab, string corpusId, params (string Flag, string Value)[] flags)
    {
        var config = flags.Aggregate(RunConfig.Default, (c, f) => RunSettings.Find(f.Flag)!.Parse(c, f.Value));
        string directory = Path.Combine(lab.DataDirectory, "cli-" + Guid.NewGuid().ToString("N"));
        await TrainIntoAsync(lab, corpusId, directory, config);
        return await File.ReadAllBytesAsync(CheckpointFile.PathFor(directory));
    }

    /// <summary>Trains <paramref name="config"/> into <paramref name="directory"/>, to the end or (when asked) until its first checkpoint.</summary>
    public static async Task TrainIntoAsync(LabHost lab, string corpusId, string directory, RunConfig config, bool stopAtFirstCheckpoint = false)
    {
        var corpus = lab.Service<ILabCorpora>().Load(corpusId);
        var observer = new StopAtCheckpoint(stopAtFirstCheckpoint);
        using var session = TrainingSession.Create(corpus, config.Model, config.Training, directory, observer, lab.Service<LabComputeLane>().Lane);
        observer.Session = session;
        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(90));
    }

    private sealed class StopAtCheckpoint(bool stop) : ITrainingObserver
    {
        public TrainingSession? Session { get; set; }

        public void OnCheckpoint(CheckpointSaved saved)
        {
            if (stop) Session?.Cancel();
        }
    }
}
