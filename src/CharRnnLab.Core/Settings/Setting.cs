using System.Globalization;

namespace CharRnnLab.Core.Settings;

/// <summary>Which half of a <see cref="RunConfig"/> a setting belongs to.</summary>
public enum SettingGroup { Model, Training }

/// <summary>A problem with one setting: its <see cref="Setting.Key"/> and a message that says what to do.</summary>
public sealed record SettingError(string Key, string Message);

/// <summary>
/// One setting of a run, written once: its names (JSON key, CLI flag, label), what it means, its
/// limits, and how to read and replace it in a <see cref="RunConfig"/>. Validation, the CLI's
/// options and help, the lab's form and hub, and the docs read these; nobody restates them.
/// </summary>
public abstract class Setting
{
    /// <summary>camelCase name: the JSON property in the hub's requests and the form's field.</summary>
    public required string Key { get; init; }
    /// <summary>The CLI option without "--", e.g. "lr".</summary>
    public required string Flag { get; init; }
    /// <summary>What people call it, lower case: "learning rate".</summary>
    public required string Label { get; init; }
    /// <summary>One line on what it does (CLI help, form tooltip).</summary>
    public required string Help { get; init; }
    public required SettingGroup Group { get; init; }

    /// <summary>The value in <see cref="RunConfig.Default"/>, as text.</summary>
    public string DefaultText => Format(RunConfig.Default);

    /// <summary>The value in <paramref name="config"/>, as text.</summary>
    public abstract string Format(RunConfig config);

    /// <summary>A message when the value in <paramref name="config"/> is out of bounds, else null.</summary>
    public abstract string? Check(RunConfig config);

    /// <summary>The limits in words, e.g. "between 1 and 8192" (for help texts and messages).</summary>
    public abstract string Bounds { get; }

    /// <summary>Parses <paramref name="text"/> (invariant culture) and returns <paramref name="config"/> with it,
    /// or throws <see cref="ConfigException"/> naming the setting and its bounds.</summary>
    public abstract RunConfig Parse(RunConfig config, string text);

    protected static string Invariant(double value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
