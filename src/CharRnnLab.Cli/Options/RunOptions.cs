using System.CommandLine;
using CharRnnLab.Core;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Options;

/// <summary>
/// The run settings one command takes as options, generated from <see cref="RunSettings"/>: every
/// name, help text, default and limit comes from Core. Values given are laid over defaults for a new
/// run, or over a checkpoint's saved config on resume.
/// </summary>
internal sealed class RunOptions
{
    private readonly IReadOnlyList<SettingOption> _options;

    /// <param name="defaults">What the options apply over when a command starts from scratch (shown in the help).</param>
    /// <param name="settings">The settings to offer, in the order the help lists them.</param>
    public RunOptions(RunConfig defaults, IEnumerable<Setting> settings) =>
        _options = settings.Select(s => new SettingOption(s, defaults)).ToList();

    /// <summary>Every setting of a run, over the run defaults (train).</summary>
    public static RunOptions AllSettings() => new(RunConfig.Default, RunSettings.All);

    /// <summary>The option of <paramref name="setting"/>.</summary>
    public SettingOption this[Setting setting] => _options.Single(o => o.Setting == setting);

    public void AddTo(Command command)
    {
        foreach (var option in _options) command.Options.Add(option);
    }

    /// <summary><paramref name="config"/> with every option given.</summary>
    public RunConfig ApplyTo(ParseResult parse, RunConfig config)
    {
        var result = _options.Aggregate(config, (c, o) => o.ApplyTo(parse, c));
        // Iterations above 0 override epochs, so --epochs alone sets iterations to 0 ("0 = use epochs").
        if (Given(parse, RunSettings.Epochs) && !Given(parse, RunSettings.Iterations))
            result = RunSettings.Iterations.With(result, 0);
        return result;
    }

    /// <summary>Refuses model options that contradict <paramref name="saved"/>: a model's shape is fixed once trained.</summary>
    public void CheckSameModel(ParseResult parse, RunConfig saved)
    {
        foreach (var option in _options.Where(o => o.Setting.Group == SettingGroup.Model && o.IsGiven(parse)))
        {
            string given = option.Setting.Format(option.ApplyTo(parse, saved)), actual = option.Setting.Format(saved);
            if (given != actual)
                throw new CheckpointException(
                    $"{option.Name} {given} differs from the checkpoint's {actual}: a trained model's shape cannot change. " +
                    $"Drop {option.Name}, or start a new run in another --out directory.");
        }
    }

    private bool Given(ParseResult parse, Setting setting) => _options.Any(o => o.Setting == setting && o.IsGiven(parse));
}
