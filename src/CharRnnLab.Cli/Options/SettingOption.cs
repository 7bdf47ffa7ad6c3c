using System.CommandLine;
using CharRnnLab.Core;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Options;

/// <summary>
/// A command-line option made from one of Core's run settings: named --Flag, described by the
/// setting's help, bounds and the default it applies over, its value checked by the setting's own
/// Parse. It keeps the text as given (null when absent), so a value can be laid over the defaults
/// of a new run or over the config a checkpoint saved.
/// </summary>
internal sealed class SettingOption : Option<string>
{
    public Setting Setting { get; }

    /// <param name="setting">The setting, from <see cref="RunSettings"/>.</param>
    /// <param name="defaults">What applies when the option is not given (shown in the help).</param>
    public SettingOption(Setting setting, RunConfig defaults) : base("--" + setting.Flag)
    {
        Setting = setting;
        string bounds = setting is ChoiceSetting ? "" : "; " + setting.Bounds; // the choices are the value's name in the help
        string fixedNote = setting.Group == SettingGroup.Model ? "; fixed once trained" : "";
        Description = $"{setting.Help}{bounds}{fixedNote} [default: {setting.Format(defaults)}]";
        HelpName = setting switch
        {
            ChoiceSetting choice => string.Join("|", choice.Choices),
            NumberSetting { Integer: true } => "N",
            ScheduleSetting => "N,N,…",
            _ => "X",
        };
        if (setting is ChoiceSetting choices) CompletionSources.Add([.. choices.Choices]);
        ValueOptions.LastOneCounts(this);
        CustomParser = result =>
        {
            string text = result.Tokens[^1].Value;
            try { setting.Parse(RunConfig.Default, text); } // checks the value alone: the bounds do not depend on the config
            catch (ConfigException e) { result.AddError($"{Name}: {e.Message}"); }
            return text;
        };
    }

    public bool IsGiven(ParseResult parse) => parse.GetValue(this) is not null;

    /// <summary><paramref name="config"/> with this option's value, when it was given.</summary>
    public RunConfig ApplyTo(ParseResult parse, RunConfig config) =>
        parse.GetValue(this) is { } text ? Setting.Parse(config, text) : config;
}
