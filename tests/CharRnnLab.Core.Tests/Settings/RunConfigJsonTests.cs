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

    [Fact]
    public void A_sample_schedule_is_written_as_an_array_and_reads_back()
    {
        var config = RunConfig.Default with { Training = RunConfig.Default.Training with { SampleAt = new SampleSchedule([2000, 100, 300]) } };

        string json = RunConfigJson.Write(config);

        Assert.Contains("\"sampleAt\":[100,300,2000]", json);
        Assert.Equal(config, RunConfigJson.Read(json));
    }

    [Fact]
    public void A_config_saved_before_sample_schedules_reads_as_none()
    {
        string json = RunConfigJson.Write(RunConfig.Default).Replace("\"sampleAt\":[],", "");
        Assert.DoesNotContain("sampleAt", json);

        Assert.Equal(SampleSchedule.None, RunConfigJson.Read(json).Training.SampleAt);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"100,300\"")]
    [InlineData("[100,\"300\"]")]
    [InlineData("[1.5]")]
    public void A_schedule_that_is_not_an_array_of_whole_iterations_is_an_error(string value)
    {
        string json = RunConfigJson.Write(RunConfig.Default).Replace("\"sampleAt\":[]", $"\"sampleAt\":{value}");

        Assert.Throws<JsonException>(() => RunConfigJson.Read(json));
    }
}
