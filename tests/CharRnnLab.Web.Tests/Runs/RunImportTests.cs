using System.IO.Compression;
using CharRnnLab.Core;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>Importing a checkpoint trained elsewhere: the fixture's tiny run (1×16 LSTM, 20 iterations) is the file.</summary>
public sealed class RunImportTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    private RunManager Runs => fixture.Lab.Service<RunManager>();

    private byte[] TrainedCheckpoint() => File.ReadAllBytes(CheckpointFile.PathFor(Runs.RunDirectory(fixture.RunId)));

    private static Task<RunSummary> ImportAsync(LabHost lab, string fileName, byte[] content) =>
        lab.Service<RunImporter>().ImportAsync(fileName, new MemoryStream(content));

    [Fact]
    public async Task An_imported_checkpoint_is_listed_with_its_settings_links_its_corpus_and_samples()
    {
        byte[] checkpoint = TrainedCheckpoint();

        var run = await ImportAsync(fixture.Lab, "tiny-from-cli.crnn", checkpoint);

        var listed = Assert.Single(Runs.List(), r => r.Id == run.Id);
        Assert.Equal(("tiny-from-cli", "tiny", RunState.Completed), (listed.Name, listed.CorpusName, listed.State));
        Assert.Equal((20, 20, 20), (listed.Iteration, listed.TotalIterations, listed.CheckpointIteration));
        Assert.Equal((CellType.Lstm, 1, 16, 4, 16), (listed.Config.Model.Cell, listed.Config.Model.Layers, listed.Config.Model.Hidden, listed.Config.Training.Batch, listed.Config.Training.Seq));
        Assert.Equal(fixture.CorpusId, listed.CorpusId);
        Assert.NotNull(listed.ValidationLoss);
        Assert.Equal(checkpoint, File.ReadAllBytes(CheckpointFile.PathFor(Runs.RunDirectory(run.Id))));
        Assert.Single(Directory.GetFiles(Runs.RunDirectory(run.Id))); // no temporary file left

        var sample = await fixture.Lab.Service<RunSampler>().SampleAsync(run.Id, 0.8, "the ", 60, seed: 3);
        Assert.Equal((20, 60), (sample.Iteration, sample.Symbols.Count));
        var history = await Runs.GetHistoryAsync(run.Id);
        Assert.Equal(20, history.Progress.Count);
        Assert.NotEmpty(history.Samples);
        var recording = await fixture.Lab.Service<NeuronLab>().RecordAsync(run.Id, new NeuronTextRequest(NeuronTextSource.Validation, 400));
        Assert.Contains("validation split", recording.TextDescription);
    }

    [Fact]
    public async Task Without_its_corpus_a_run_samples_but_refuses_the_validation_slice_and_more_training_with_a_reason()
    {
        await using var lab = await LabHost.StartAsync();
        var run = await ImportAsync(lab, CheckpointFile.FileName, TrainedCheckpoint());
        var runs = lab.Service<RunManager>();

        Assert.Equal(("tiny · 1×16", "", RunState.Completed), (run.Name, run.CorpusId, run.State));
        Assert.Contains("corpus is not in the lab", run.Message);
        Assert.Equal(30, (await lab.Service<RunSampler>().SampleAsync(run.Id, 0.5, null, 30, seed: 1)).Symbols.Count);
        var neurons = lab.Service<NeuronLab>();
        var validation = await Assert.ThrowsAsync<LabException>(() => neurons.RecordAsync(run.Id, new NeuronTextRequest()));
        Assert.Contains("imported without its corpus", validation.Message);
        Assert.Contains("read another corpus's, a sample from the model or pasted text", validation.Message);
        var sampled = await neurons.RecordAsync(run.Id, new NeuronTextRequest(NeuronTextSource.Sample, 200));
        Assert.Equal(200, sampled.Recording.Characters);
        var more = await Assert.ThrowsAsync<LabException>(() => runs.ContinueAsync(run.Id, 10));
        Assert.Contains("imported without its corpus", more.Message);
        Assert.Equal(RunState.Completed, runs.Get(run.Id).State);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "notes.txt", "is not a checkpoint: the lab imports .crnn files" },
        { "text.crnn", "text.crnn is not a readable CharRnnLab checkpoint" },
        { "no-weights.crnn", "it has no model.bin" },
        { "empty.crnn", "empty.crnn is not a readable CharRnnLab checkpoint" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_naming_it_and_leaves_the_store_and_run_folders_unchanged(string fileName, string expected)
    {
        var before = Runs.List().Select(r => r.Id).ToList();
        var folders = RunFolders();

        var error = await Assert.ThrowsAnyAsync<CharRnnException>(() => ImportAsync(fixture.Lab, fileName, BadContent(fileName)));

        Assert.Contains(expected, error.Message);
        Assert.Equal(before, Runs.List().Select(r => r.Id));
        Assert.Equal(folders, RunFolders());
    }

    private string[] RunFolders() =>
        Directory.GetFileSystemEntries(Path.GetDirectoryName(Runs.RunDirectory(fixture.RunId))!).Order().ToArray();

    private byte[] BadContent(string fileName)
    {
        if (fileName == "empty.crnn") return [];
        if (fileName != "no-weights.crnn") return "not a checkpoint at all"u8.ToArray();
        var buffer = new MemoryStream();
        buffer.Write(TrainedCheckpoint());
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true)) zip.GetEntry("model.bin")!.Delete();
        return buffer.ToArray();
    }
}
