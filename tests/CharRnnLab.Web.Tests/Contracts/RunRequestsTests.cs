using System.Text.Json;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Contracts;

public sealed class RunRequestsTests
{
    [Fact]
    public void Every_preset_is_valid()
    {
        foreach (var preset in RunPresets.All)
            Assert.Empty(RunRequests.Read(RunPresets.Apply(preset, new StartRunRequest { CorpusId = "c" })).Errors);
    }

    [Fact]
    public void A_request_that_says_nothing_asks_for_Cores_defaults()
    {
        var (config, errors) = RunRequests.Read(new StartRunRequest { CorpusId = "c" });

        Assert.Empty(errors);
        Assert.Equal(RunConfig.Default, config);
    }

    [Fact]
    public void Every_bad_field_is_reported_under_its_key_with_Cores_message()
    {
        var errors = RunRequests.Read(new StartRunRequest { CorpusId = "", Cell = "transformer", Hidden = 0, Dropout = 1.0, LearningRate = -1 }).Errors;

        Assert.Equal(["corpusId", "cell", "hidden", "dropout", "learningRate"], errors.Select(e => e.Field));
        Assert.Contains("cell must be one of lstm|gru|rnn (got 'transformer').", errors.Select(e => e.Message));
        Assert.Contains(RunSettings.Hidden.Problem(0), errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_number_that_is_not_finite_is_refused(double value)
    {
        var errors = RunRequests.Read(new StartRunRequest { CorpusId = "c", Iterations = 10, Epochs = value, GradClip = value }).Errors;

        Assert.Equal(["gradClip", "epochs"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_setting_a_request_carries_survives_the_round_trip_through_the_request()
    {
        foreach (var setting in RunRequests.Settings)
        {
            var changed = NonDefault(setting);
            var (read, errors) = RunRequests.Read(RunRequests.From("c", null, changed));
            Assert.Empty(errors);
            Assert.True(changed == read, $"{setting.Key} did not survive the round trip");
        }
    }

    [Fact]
    public void The_thread_count_is_the_labs_not_the_requests()
    {
        Assert.DoesNotContain(RunSettings.Threads, RunRequests.Settings);
        var request = RunRequests.From("c", null, RunSettings.Threads.With(RunConfig.Default, 7));
        Assert.Equal(0, RunRequests.Read(request).Config.Training.Threads);
    }

    [Fact]
    public void An_edit_replaces_one_setting_and_keeps_the_corpus_and_name()
    {
        var request = new StartRunRequest { CorpusId = "c", Name = "n", Hidden = 64 };

        var edited = RunRequests.With(RunRequests.With(request, RunSettings.Optimizer, "rmsprop"), RunSettings.Layers, 3.0);

        var config = RunRequests.Read(edited).Config;
        Assert.Equal(("c", "n"), (edited.CorpusId, edited.Name));
        Assert.Equal((64, 3, OptimizerKind.RmsProp), (config.Model.Hidden, config.Model.Layers, config.Training.Optimizer));
    }

    [Fact]
    public void The_model_and_training_halves_map_to_Cores_configs()
    {
        var request = new StartRunRequest { CorpusId = "c", Cell = "GRU", Layers = 3, Hidden = 64, Dropout = 0.25, Batch = 8, Seq = 20, Iterations = 77 };

        var config = RunRequests.Read(request).Config;

        Assert.Equal(new ModelConfig(CellType.Gru, 3, 64, 0, 0.25), config.Model);
        Assert.Equal(RunConfig.Default.Training with { Batch = 8, Seq = 20, Iterations = 77 }, config.Training);
    }

    [Fact]
    public void A_sample_schedule_maps_to_Cores_and_an_iteration_out_of_bounds_is_reported_under_its_key()
    {
        var schedule = new SampleSchedule([100, 300, 500, 700, 1200, 2000]);

        var (config, errors) = RunRequests.Read(new StartRunRequest { CorpusId = "c", SampleAt = schedule });
        var bad = RunRequests.Read(new StartRunRequest { CorpusId = "c", SampleAt = new SampleSchedule([0, 100]) }).Errors;
        var edited = RunRequests.With(new StartRunRequest { CorpusId = "c" }, RunSettings.SampleAt, schedule);

        Assert.Empty(errors);
        Assert.Equal(schedule, config.Training.SampleAt);
        Assert.Equal(SampleSchedule.None, RunRequests.Read(new StartRunRequest { CorpusId = "c" }).Config.Training.SampleAt);
        Assert.Equal(("sampleAt", RunSettings.SampleAt.Problem(new SampleSchedule([0]))), (bad.Single().Field, bad.Single().Message));
        Assert.Equal(schedule, RunRequests.Read(edited).Config.Training.SampleAt);
    }

    [Fact]
    public void A_hub_client_sends_the_schedule_as_an_array_of_iterations()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var request = JsonSerializer.Deserialize<StartRunRequest>("""{"corpusId":"c","sampleAt":[300,100]}""", web)!;

        Assert.Equal(new SampleSchedule([100, 300]), request.SampleAt);
        Assert.Contains("\"sampleAt\":[100,300]", JsonSerializer.Serialize(request, web));
    }

    /// <summary>The default configuration with <paramref name="setting"/> at another allowed value.</summary>
    private static RunConfig NonDefault(Setting setting) => setting switch
    {
        ChoiceSetting choice => choice.Parse(RunConfig.Default, choice.Choices.First(c => c != choice.DefaultText)),
        NumberSetting number => number.With(RunConfig.Default, number.Get(RunConfig.Default) == number.Max ? number.Max - 1 : number.Max),
        ScheduleSetting schedule => schedule.With(RunConfig.Default, new SampleSchedule([schedule.Min, schedule.Max])),
        _ => throw new InvalidOperationException(setting.Key),
    };
}
