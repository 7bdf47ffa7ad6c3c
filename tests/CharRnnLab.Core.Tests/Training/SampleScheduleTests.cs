using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using static CharRnnLab.Core.Tests.Fixtures.TrainingFixtures;

namespace CharRnnLab.Core.Tests.Training;

public sealed class SampleScheduleTests
{
    private static readonly SampleSchedule Post = new([100, 300, 500, 700, 1200, 2000]);

    [Fact]
    public void Text_with_commas_or_spaces_in_any_order_reads_as_one_ascending_schedule()
    {
        var schedule = SampleSchedule.Parse(" 700, 100 300,,300 2000 500;1200 ");

        Assert.Equal([100, 300, 500, 700, 1200, 2000], schedule.Iterations);
        Assert.Equal("100,300,500,700,1200,2000", schedule.ToString());
        Assert.Equal(schedule, SampleSchedule.Parse(schedule.ToString()));
        Assert.Equal(Post, schedule);
        Assert.Equal(Post.GetHashCode(), schedule.GetHashCode());
        Assert.NotEqual(Post, new SampleSchedule([100, 300]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("none")]
    [InlineData("NONE")]
    public void Nothing_or_none_is_no_schedule(string text)
    {
        Assert.Equal(SampleSchedule.None, SampleSchedule.Parse(text));
        Assert.Equal("none", SampleSchedule.None.ToString());
    }

    [Fact]
    public void A_part_that_is_not_a_whole_number_is_named()
    {
        var error = Assert.Throws<FormatException>(() => SampleSchedule.Parse("100,3e2,500"));

        Assert.Equal("'3e2' is not a whole number", error.Message);
    }

    [Fact]
    public void A_config_holding_an_equal_schedule_is_equal()
    {
        var a = RunConfig.Default.Training with { SampleAt = new SampleSchedule([5, 3]) };
        var b = RunConfig.Default.Training with { SampleAt = SampleSchedule.Parse("3,5") };

        Assert.Equal(a, b);
        Assert.NotEqual(a, RunConfig.Default.Training);
        Assert.Equal(SampleSchedule.None, RunConfig.Default.Training.SampleAt);
    }

    [Fact]
    public void A_run_samples_every_period_and_at_each_scheduled_iteration()
    {
        var config = TinyTraining(12) with { SampleEvery = 5, SampleAt = new SampleSchedule([3, 5, 12]) };

        var due = Enumerable.Range(1, 12).Where(config.SamplesAfter);

        Assert.Equal([3, 5, 10, 12], due);
        Assert.DoesNotContain(Enumerable.Range(1, 12), (TinyTraining(12) with { SampleEvery = 0 }).SamplesAfter);
    }

    [Fact]
    public void The_setting_refuses_iterations_out_of_bounds_and_too_many_of_them()
    {
        var setting = RunSettings.SampleAt;

        Assert.Equal(Post, setting.Read("100 300 500 700 1200 2000"));
        Assert.Equal("sample at takes iterations between 1 and 10000000 (got 0).", Assert.Throws<ConfigException>(() => setting.Read("0,100")).Message);
        Assert.Contains("(got 10000001)", Assert.Throws<ConfigException>(() => setting.Read("10000001")).Message);
        string tooMany = string.Join(",", Enumerable.Range(1, RunSettings.MaxScheduledSamples + 1));
        Assert.Equal($"sample at names at most {RunSettings.MaxScheduledSamples} iterations (got {RunSettings.MaxScheduledSamples + 1}).",
            Assert.Throws<ConfigException>(() => setting.Read(tooMany)).Message);
        var words = Assert.Throws<ConfigException>(() => setting.Parse(RunConfig.Default, "early,late"));
        Assert.StartsWith("sample at must be up to 100 iterations between 1 and 10000000 separated by commas", words.Message);
        Assert.EndsWith(": 'early' is not a whole number (got 'early,late').", words.Message);
        Assert.Contains("sample at", RunSettings.Check(setting.With(RunConfig.Default, new SampleSchedule([-4]))).Single().Message);
    }

    [Fact]
    public async Task A_trained_run_samples_at_the_schedule_and_its_checkpoint_keeps_it()
    {
        using var dir = new TempDirectory();
        var training = TinyTraining(12) with { SampleEvery = 0, SampleAt = new SampleSchedule([1, 3, 7, 12]), SampleLength = 5 };

        var observer = await RunToEnd(RepetitiveCorpus(), TinyModel(), training, dir.Path);

        Assert.Equal([1, 3, 7, 12], observer.Samples.Select(s => s.Iteration));
        Assert.All(observer.Samples, s => Assert.Equal(5, s.Text.Length));
        var meta = CheckpointFile.ReadMetadata(dir.Path);
        Assert.Equal(training.SampleAt, meta.Training.SampleAt);
        Assert.Equal([1, 3, 7, 12], meta.Samples.Select(s => s.Iteration));
    }
}
