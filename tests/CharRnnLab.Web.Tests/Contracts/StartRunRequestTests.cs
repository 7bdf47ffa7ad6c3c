using CharRnnLab.Core.Model;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Contracts;

public sealed class StartRunRequestTests
{
    [Fact]
    public void Presets_are_valid_once_a_corpus_is_chosen()
    {
        foreach (var preset in RunPresets.All)
            Assert.Empty(RunPresets.Apply(preset, new StartRunRequest { CorpusId = "c" }).Validate());
    }

    [Fact]
    public void Every_bad_field_is_named_with_its_value()
    {
        var errors = new StartRunRequest { CorpusId = "", Cell = "transformer", Hidden = 0, Dropout = 1.0, LearningRate = -1 }.Validate();

        Assert.Equal(["CorpusId", "Cell", "Hidden", "Dropout", "LearningRate"], errors.Select(e => e.Field));
        Assert.Contains("(got 0)", errors.Single(e => e.Field == "Hidden").Message);
        Assert.Contains("transformer", errors.Single(e => e.Field == "Cell").Message);
    }

    [Fact]
    public void Epochs_only_matter_when_iterations_is_zero()
    {
        Assert.Empty(new StartRunRequest { CorpusId = "c", Iterations = 10, Epochs = 0 }.Validate());
        Assert.Equal("Epochs", Assert.Single(new StartRunRequest { CorpusId = "c", Iterations = 0, Epochs = 0 }.Validate()).Field);
    }

    [Fact]
    public void Maps_to_the_engine_configurations()
    {
        var request = new StartRunRequest { CorpusId = "c", Cell = "GRU", Layers = 3, Hidden = 64, Dropout = 0.25, Batch = 8, Seq = 20, Iterations = 77 };

        Assert.Equal(new ModelConfig(CellType.Gru, 3, 64, 0, 0.25), request.ToModelConfig());
        var training = request.ToTrainingConfig(threads: 3);
        Assert.Equal((8, 20, 77, 3), (training.Batch, training.Seq, training.Iterations, training.Threads));
    }
}
