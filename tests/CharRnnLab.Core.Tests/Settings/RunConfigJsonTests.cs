using System.Text.Json;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Settings;

public sealed class RunConfigJsonTests
{
    [Fact]
    public void A_config_reads_back_as_written_with_the_checkpoints_names_and_enum_words()
    {
        var config = new RunConfig(new ModelConfig(CellType.Gru, 3, 64, 8, 0.25),
            RunConfig.Default.Training with { Optimizer = OptimizerKind.RmsProp, LearningRateDecay = 0.9, ValidationFraction = 0.1 });

        string json = RunConfigJson.Write(config);

        Assert.Equal(config, RunConfigJson.Read(json));
        Assert.Contains("\"model\":{\"cell\":\"gru\"", json);
        Assert.Contains("\"optimizer\":\"rmsProp\"", json);
    }

    [Fact]
    public void A_missing_half_is_an_error_naming_it()
    {
        var error = Assert.Throws<JsonException>(() => RunConfigJson.Read("""{"model":{"cell":"lstm","layers":2,"hidden":128,"embedding":0,"dropout":0}}"""));

        Assert.Contains("training", error.Message);
    }
}
