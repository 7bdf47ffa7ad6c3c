using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CharRnnLab.Cli.Options;

/// <summary>
/// Options of a verb's own (not run settings): numbers read in the invariant culture with their
/// limits, paths and texts, and the rule that two options exclude each other. Every error names
/// the option. An option given twice takes its last value, so a wrapper script's defaults can be
/// overridden by appending.
/// </summary>
internal static class ValueOptions
{
    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], <paramref name="fallback"/> when not given.</summary>
    public static Option<int> Whole(string name, string description, int min, int max, int fallback) =>
        LastOneCounts(new Option<int>(name) { Description = description, HelpName = "N", DefaultValueFactory = _ => fallback, CustomParser = r => ParseWhole(r, min, max) });

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], null when not given.</summary>
    public static Option<int?> Whole(string name, string description, int min = int.MinValue, int max = int.MaxValue) =>
        LastOneCounts(new Option<int?>(name) { Description = description, HelpName = "N", CustomParser = r => ParseWhole(r, min, max) });

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>], <paramref name="fallback"/> when not given.</summary>
    public static Option<double> Number(string name, string description, double min, double max, double fallback) =>
        LastOneCounts(new Option<double>(name) { Description = description, HelpName = "X", DefaultValueFactory = _ => fallback, CustomParser = r => ParseNumber(r, min, max) });

    /// <summary>A word the command cannot do without: a path, a name.</summary>
    public static Option<string> Required(string name, string description, string helpName) =>
        LastOneCounts(new Option<string>(name) { Description = description, HelpName = helpName, Required = true, CustomParser = Last });

    /// <summary>A word that may be left out (null).</summary>
    public static Option<string?> Text(string name, string description, string helpName) =>
        LastOneCounts(new Option<string?>(name) { Description = description, HelpName = helpName, CustomParser = Last });

    /// <summary>A switch: `--name` alone, or `--name=true|false`; it never takes the next word.</summary>
    public static Option<bool> Switch(string name, string description) => new(name) { Description = description };

    /// <summary>
    /// Lets <paramref name="option"/> be given more than once, one value each time; its parser reads
    /// the last (<c>result.Tokens[^1]</c>).
    /// </summary>
    public static T LastOneCounts<T>(T option) where T : Option
    {
        option.Arity = ArgumentArity.OneOrMore;
        option.AllowMultipleArgumentsPerToken = false; // one value per --name, never the words after it
        return option;
    }

    /// <summary>Refuses <paramref name="a"/> and <paramref name="b"/> together; <paramref name="why"/> says what to do.</summary>
    public static void Exclusive(Command command, Option a, Option b, string why) =>
        command.Validators.Add(result =>
        {
            if (result.GetResult(a) is { Implicit: false } && result.GetResult(b) is { Implicit: false })
                result.AddError($"{a.Name} and {b.Name} cannot be combined ({why}).");
        });

    /// <summary>Refuses each of <paramref name="dependents"/> given without <paramref name="anchor"/>: "{name} {why}".</summary>
    public static void OnlyWith(Command command, Option anchor, IEnumerable<Option> dependents, string why)
    {
        var list = dependents.ToList();
        command.Validators.Add(result =>
        {
            if (result.GetResult(anchor) is { Implicit: false }) return;
            foreach (var option in list.Where(o => result.GetResult(o) is { Implicit: false }))
                result.AddError($"{option.Name} {why}");
        });
    }

    /// <summary>The option's name, for messages from a parser.</summary>
    public static string OptionName(ArgumentResult result) => result.Parent is OptionResult o ? o.Option.Name : result.Argument.Name;

    private static string Last(ArgumentResult result) => result.Tokens[^1].Value;

    private static int ParseWhole(ArgumentResult result, int min, int max)
    {
        string text = Last(result);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            result.AddError($"{OptionName(result)} must be a whole number (got '{text}').");
        else if (value < min || value > max)
            result.AddError($"{OptionName(result)} must be between {min} and {max} (got {value}).");
        return value;
    }

    private static double ParseNumber(ArgumentResult result, double min, double max)
    {
        string text = Last(result);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            result.AddError($"{OptionName(result)} must be a number (got '{text}').");
        else if (value < min || value > max)
            result.AddError($"{OptionName(result)} must be between {Invariant(min)} and {Invariant(max)} (got {Invariant(value)}).");
        return value;
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
