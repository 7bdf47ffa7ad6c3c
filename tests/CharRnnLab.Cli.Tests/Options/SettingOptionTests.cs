using System.CommandLine;
using CharRnnLab.Cli.Commands;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Tests.Options;

public class SettingOptionTests
{
    [Fact]
    public void Train_offers_every_run_setting_under_its_core_flag()
    {
        var names = new TrainCommand().Options.Select(o => o.Name).ToHashSet();

        Assert.All(RunSettings.All, s => Assert.Contains("--" + s.Flag, names));
    }

    [Fact]
    public void The_description_is_the_settings_help_bounds_and_default()
    {
        var defaults = RunConfig.Default with { Model = RunConfig.Default.Model with { Hidden = 512 } };

        var hidden = new SettingOption(RunSettings.Hidden, defaults);
        var cell = new SettingOption(RunSettings.Cell, RunConfig.Default);

        Assert.Equal("--hidden", hidden.Name);
        Assert.Equal($"{RunSettings.Hidden.Help}; {RunSettings.Hidden.Bounds}; fixed once trained [default: 512]", hidden.Description);
        Assert.Equal("N", hidden.HelpName);
        Assert.Equal("lstm|gru|rnn", cell.HelpName); // the choices name the value
        Assert.Contains($"[default: {RunSettings.Cell.DefaultText}]", cell.Description);
    }

    public static TheoryData<Setting, string> BadValues() => new()
    {
        { RunSettings.Hidden, "0" },
        { RunSettings.Hidden, "1.5" },
        { RunSettings.LearningRate, "0" },
        { RunSettings.Dropout, "1" },
        { RunSettings.Optimizer, "sgd" },
        { RunSettings.ValidationFraction, "abc" },
        { RunSettings.SampleAt, "0,100" },
        { RunSettings.SampleAt, "100,soon" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_with_cores_own_message_under_the_option_name(Setting setting, string value)
    {
        var option = new SettingOption(setting, RunConfig.Default);
        string core = Assert.Throws<ConfigException>(() => setting.Parse(RunConfig.Default, value)).Message;

        var parse = OptionParsing.Parse(option, option.Name, value);

        Assert.Equal($"--{setting.Flag}: {core}", Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void A_given_value_is_laid_over_the_config_and_an_absent_one_leaves_it()
    {
        var option = new SettingOption(RunSettings.LearningRate, RunConfig.Default);
        var saved = RunConfig.Default with { Training = RunConfig.Default.Training with { LearningRate = 0.1 } };

        Assert.Equal(0.004, option.ApplyTo(OptionParsing.Parse(option, "--lr", "0.004"), saved).Training.LearningRate);
        Assert.Equal(0.1, option.ApplyTo(OptionParsing.Parse(option), saved).Training.LearningRate);
        Assert.False(option.IsGiven(OptionParsing.Parse(option)));
    }

    [Fact]
    public void A_choice_completes_with_its_words()
    {
        var option = new SettingOption(RunSettings.Optimizer, RunConfig.Default);

        var completions = OptionParsing.Parse(option, "--optimizer", "").GetCompletions().Select(c => c.Label);

        Assert.Equal(["adam", "rmsprop"], completions.Order());
    }
}
