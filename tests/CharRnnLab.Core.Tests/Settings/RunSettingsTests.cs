using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Core.Tests.Settings;

public sealed class RunSettingsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(RunConfig.Default.Check());

    [Fact]
    public void Every_config_property_has_exactly_one_setting()
    {
        var properties = typeof(ModelConfig).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)
            .Concat(typeof(TrainingConfig).GetProperties().Where(p => p.CanWrite).Select(p => p.Name))
            .Select(n => char.ToLowerInvariant(n[0]) + n[1..]).Order().ToList();
        Assert.Equal(properties, RunSettings.All.Select(s => s.Key).Order().ToList());
        Assert.Equal(RunSettings.All.Count, RunSettings.All.Select(s => s.Flag).Distinct().Count());
    }

    [Fact]
    public void Every_setting_reads_back_what_it_writes()
    {
        foreach (var setting in RunSettings.All.OfType<NumberSetting>())
        {
            double value = setting.Max < 1e6 ? setting.Max : setting.Min + (setting.MinExclusive ? 1 : 0);
            var changed = setting.With(RunConfig.Default, value);
            Assert.Equal(value, setting.Get(changed));
            Assert.Null(setting.Check(changed));
        }
        foreach (var setting in RunSettings.All.OfType<ChoiceSetting>())
            foreach (var choice in setting.Choices)
                Assert.Equal(choice, setting.Get(setting.Parse(RunConfig.Default, choice.ToUpperInvariant())));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void No_real_setting_accepts_a_non_finite_value(double value)
    {
        foreach (var setting in RunSettings.All.OfType<NumberSetting>().Where(s => !s.Integer))
            Assert.Contains(setting.Label, setting.Check(setting.With(RunConfig.Default, value)));
    }

    [Fact]
    public void Out_of_bounds_values_are_named_with_their_bounds()
    {
        var config = RunSettings.Hidden.With(RunSettings.LearningRate.With(RunConfig.Default, 0), 9000);
        var errors = config.Check();
        Assert.Equal(["hidden", "learningRate"], errors.Select(e => e.Key));
        Assert.Equal("hidden size must be a whole number between 1 and 8192 (got 9000).", errors[0].Message);
        Assert.Equal("learning rate must be above 0 and at most 1000000 (got 0).", errors[1].Message);
        Assert.Contains("whole number", RunSettings.Layers.Problem(2.5));
    }

    [Fact]
    public void Parse_reads_invariant_text_and_refuses_words()
    {
        Assert.Equal(0.001, RunSettings.LearningRate.Parse(RunConfig.Default, "1e-3").Training.LearningRate);
        Assert.Equal(OptimizerKind.RmsProp, RunSettings.Optimizer.Parse(RunConfig.Default, "rmsprop").Training.Optimizer);
        var error = Assert.Throws<ConfigException>(() => RunSettings.Batch.Parse(RunConfig.Default, "fifty"));
        Assert.Equal("batch size must be a number between 1 and 65536 (got 'fifty').", error.Message);
        Assert.Throws<ConfigException>(() => RunSettings.Cell.Parse(RunConfig.Default, "transformer"));
    }

    [Fact]
    public void Model_and_training_configs_validate_with_the_same_rules()
    {
        Assert.Equal(RunSettings.Layers.Problem(17), Assert.Throws<ConfigException>(() => new ModelConfig(Layers: 17).Validate()).Message);
        Assert.Equal(RunSettings.Epochs.Problem(double.NaN),
            Assert.Throws<ConfigException>(() => new TrainingConfig { Epochs = double.NaN }.Validate()).Message);
    }
}
