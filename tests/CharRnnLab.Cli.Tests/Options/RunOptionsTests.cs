using System.CommandLine;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Tests.Options;

public class RunOptionsTests
{
    private readonly RunOptions _options = RunOptions.AllSettings();

    private ParseResult Parse(params string[] args)
    {
        var command = new RootCommand();
        _options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return parse;
    }

    /// <summary>A run saved with other values than the defaults, as a checkpoint carries it.</summary>
    private static readonly RunConfig Saved = new(
        new ModelConfig(CellType.Gru, Layers: 1, Hidden: 16),
        new TrainingConfig { Optimizer = OptimizerKind.RmsProp, LearningRateDecay = 0.9, ValidationFraction = 0.1, Iterations = 300 });

    [Fact]
    public void Nothing_given_leaves_the_config_as_it_was()
    {
        Assert.Equal(RunConfig.Default, _options.ApplyTo(Parse(), RunConfig.Default));
        Assert.Equal(Saved, _options.ApplyTo(Parse(), Saved));
    }

    [Fact]
    public void Options_given_override_a_saved_config_and_the_rest_is_kept()
    {
        var resumed = _options.ApplyTo(Parse("--iterations", "600", "--lr", "0.01", "--decay-after", "-1"), Saved);

        Assert.Equal(Saved.Model, resumed.Model);
        Assert.Equal(Saved.Training with { Iterations = 600, LearningRate = 0.01, DecayAfter = -1 }, resumed.Training);
    }

    [Fact]
    public void Epochs_alone_set_the_length_by_epochs()
    {
        var run = _options.ApplyTo(Parse("--epochs", "2.5"), Saved); // Saved has 300 iterations, which would win

        Assert.Equal((0, 2.5), (run.Training.Iterations, run.Training.Epochs));
    }

    [Fact]
    public void Model_options_that_match_the_checkpoint_pass_and_training_options_are_free()
    {
        _options.CheckSameModel(Parse("--model", "GRU", "--hidden", "16", "--lr", "0.5", "--batch", "7"), Saved);
    }

    [Theory]
    [InlineData("--hidden", "32", "--hidden 32 differs from the checkpoint's 16")]
    [InlineData("--model", "lstm", "--model lstm differs from the checkpoint's gru")]
    [InlineData("--dropout", "0.5", "--dropout 0.5 differs from the checkpoint's 0")]
    public void A_model_option_that_contradicts_the_checkpoint_is_refused(string flag, string value, string message)
    {
        var error = Assert.Throws<CheckpointException>(() => _options.CheckSameModel(Parse(flag, value), Saved));

        Assert.StartsWith(message, error.Message);
        Assert.Contains($"Drop {flag}", error.Message);
    }

    [Fact]
    public void A_subset_offers_only_its_settings_over_its_own_defaults()
    {
        var workload = RunConfig.Default with { Model = RunConfig.Default.Model with { Hidden = 512 } };
        var bench = new RunOptions(workload, [RunSettings.Hidden, RunSettings.Batch]);
        var command = new RootCommand();
        bench.AddTo(command);

        Assert.Equal(["--hidden", "--batch"], command.Options.OfType<SettingOption>().Select(o => o.Name));
        Assert.Contains("[default: 512]", command.Options.OfType<SettingOption>().First().Description);
        Assert.Contains(command.Parse(["--lr", "1"]).Errors, e => e.Message.Contains("'--lr'"));
    }
}
