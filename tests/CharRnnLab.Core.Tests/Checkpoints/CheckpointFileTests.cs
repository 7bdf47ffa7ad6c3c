using System.IO.Compression;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Training;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Checkpoints;

public class CheckpointFileTests
{
    [Fact]
    public async Task A_run_saves_config_vocabulary_history_and_weights()
    {
        using var dir = new TempDirectory();
        var corpus = RepetitiveCorpus();
        var model = TinyModel(layers: 2, embedding: 4);
        var training = TinyTraining(25) with { CheckpointEvery = 10 };
        var observer = await RunToEnd(corpus, model, training, dir.Path);

        Assert.Equal([10, 20, 25], observer.Checkpoints.Select(c => c.Iteration));
        Assert.All(observer.Checkpoints, c => Assert.Equal(Path.Combine(dir.Path, CheckpointFile.FileName), c.Path));
        var meta = CheckpointFile.ReadMetadata(dir.Path);
        Assert.Equal(CheckpointFile.FormatVersion, meta.FormatVersion);
        Assert.Equal(model, meta.Model);
        Assert.Equal(training, meta.Training);
        Assert.Equal(corpus.Vocabulary.ToStrings(), meta.Vocabulary);
        Assert.Equal((25, "tiny", "cpu"), (meta.Iteration, meta.CorpusName, meta.Device));
        Assert.Equal(observer.Losses, meta.History.Select(p => p.TrainLoss));
        Assert.Equal([10, 20, 25], meta.History.Where(p => p.ValidationLoss is not null).Select(p => p.Iteration));
        Assert.Single(Directory.GetFiles(dir.Path)); // no temporary files left behind

        var weights = CheckpointFile.LoadWeights(dir.Path);
        Assert.Equal(25, weights.Iteration);
        Assert.Equal(corpus.Vocabulary, weights.Vocabulary);
        Assert.Equal(model, weights.Config);
        Assert.Equal(5 * 0 + corpus.Vocabulary.Count * 4, weights.Embedding!.Length);
    }

    [Fact]
    public async Task Loaded_weights_equal_the_trained_model()
    {
        using var dir = new TempDirectory();
        using var lane = NewLane();
        var observer = new RecordingObserver();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(CellType.Gru), TinyTraining(12), dir.Path, observer, lane);
        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        var live = await session.SnapshotAsync();
        var saved = CheckpointFile.LoadWeights(Path.Combine(dir.Path, CheckpointFile.FileName));

        Assert.Equal(live.HeadWeight, saved.HeadWeight);
        Assert.Equal(live.Layers[0].WeightHh, saved.Layers[0].WeightHh);
        Assert.Equal(live.Layers[0].BiasIh, saved.Layers[0].BiasIh);
    }

    [Fact]
    public async Task Cancel_saves_a_checkpoint_at_the_iteration_reached()
    {
        using var dir = new TempDirectory();
        using var lane = NewLane();
        var observer = new RecordingObserver();
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(100_000), dir.Path, observer, lane);
        observer.AfterProgress = p => { if (p.Iteration == 7) session.Cancel(); };
        session.Start();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(7, CheckpointFile.ReadMetadata(dir.Path).Iteration);
        Assert.Equal(7, observer.Checkpoints.Single().Iteration);
    }

    [Fact]
    public void Missing_checkpoint_says_where_it_looked()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.ReadMetadata(dir.Path));
        Assert.Contains($"{dir.Path} has no {CheckpointFile.FileName}", error.Message);
        Assert.Contains("does not exist", Assert.Throws<CheckpointException>(() => CheckpointFile.LoadWeights(dir.File("nope/x.crnn"))).Message);
    }

    public static TheoryData<string> Corruptions => ["truncated", "random bytes", "text file", "empty zip", "bad json", "short weights"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task Corrupt_files_raise_a_clear_checkpoint_error(string corruption)
    {
        using var dir = new TempDirectory();
        await RunToEnd(RepetitiveCorpus(), TinyModel(), TinyTraining(3), dir.Path);
        string path = Path.Combine(dir.Path, CheckpointFile.FileName);
        Corrupt(path, corruption);

        var metaError = Record.Exception(() => CheckpointFile.ReadMetadata(dir.Path));
        var weightsError = Assert.Throws<CheckpointException>(() => CheckpointFile.LoadWeights(dir.Path));
        var resumeError = Assert.Throws<CheckpointException>(() =>
            TrainingSession.FromCheckpoint(dir.Path, RepetitiveCorpus(), new RecordingObserver()));

        if (corruption != "short weights") Assert.IsType<CheckpointException>(metaError); // metadata alone may still be fine
        foreach (var error in new[] { weightsError, resumeError })
        {
            Assert.Contains(path, error.Message);
            Assert.Contains("not a readable CharRnnLab checkpoint", error.Message);
        }
    }

    private static void Corrupt(string path, string how)
    {
        byte[] bytes = File.ReadAllBytes(path);
        switch (how)
        {
            case "truncated": File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); break;
            case "random bytes": File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray()); break;
            case "text file": File.WriteAllText(path, "these are not the weights you are looking for"); break;
            case "empty zip":
                File.Delete(path);
                using (ZipFile.Open(path, ZipArchiveMode.Create)) { }
                break;
            case "bad json": ReplaceEntry(path, "meta.json", "{\"formatVersion\": 1, \"model\": "u8.ToArray()); break;
            case "short weights": ReplaceEntry(path, "model.bin", [0x43, 0x52, 0x4E, 0x57, 10, 0, 0, 0, 1, 2]); break;
        }
    }

    private static void ReplaceEntry(string path, string name, byte[] content)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(name)!.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }

    [Fact]
    public async Task An_unwritable_directory_fails_the_run_with_a_checkpoint_error()
    {
        using var dir = new TempDirectory();
        string blocker = dir.File("not-a-directory");
        File.WriteAllText(blocker, "a file where the run directory should be");
        using var lane = NewLane();
        var observer = new RecordingObserver();
        string unreachable = Path.Combine(blocker, "run"); // its parent is a file: the directory cannot be created
        using var session = TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(3), unreachable, observer, lane);
        session.Start();

        var error = await Assert.ThrowsAsync<CheckpointException>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(TrainingState.Failed, session.State);
        Assert.Contains($"Cannot write the checkpoint {Path.Combine(unreachable, CheckpointFile.FileName)}", error.Message);
        Assert.Equal(error.Message, observer.States[^1].Message);
        Assert.Equal("a file where the run directory should be", File.ReadAllText(blocker));
        Assert.Contains("is a file", Assert.Throws<CheckpointException>(() =>
            TrainingSession.Create(RepetitiveCorpus(), TinyModel(), TinyTraining(3), blocker, observer, lane)).Message);
    }

    [Fact]
    public void Nan_weights_are_never_written_over_a_checkpoint()
    {
        using var dir = new TempDirectory();
        var vocabulary = Core.Data.Vocabulary.FromText("ab");
        var config = new ModelConfig(CellType.Rnn, 1, 1);
        var layer = new LayerWeights(2, 1, [0, 0], [0], [0], [0]);
        var weights = new ModelWeights(config, vocabulary, null, [layer], [float.NaN, 0], [0, 0], 3);
        var meta = new CheckpointMetadata(1, config, new TrainingConfig(), ["a", "b"], 3, "x", [], [], DateTimeOffset.Now, "cpu");
        var content = new CheckpointContent(meta, weights, [], new ResumeState(0, null, "", 1, [0], null, []));

        var error = Assert.Throws<DivergenceException>(() => CheckpointFile.Write(dir.Path, content));
        Assert.Contains("NaN", error.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
