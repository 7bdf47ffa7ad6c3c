using System.Globalization;
using System.Text.RegularExpressions;

namespace CharRnnLab.Core.Interventions;

/// <summary>
/// The text form shared by the CLI and the web form: <c>L:KIND:UNIT=VALUE[@FROM]</c> for clamp and
/// scale, <c>L:KIND:UNIT[@FROM]</c> for ablate (to 0). Layers from 1 and units from 0, as the
/// Neurons page shows them; KIND is <c>c</c> or <c>h</c>.
/// </summary>
public static partial class InterventionSyntax
{
    [GeneratedRegex(@"^\s*(?<layer>\d+)\s*:\s*(?<kind>[A-Za-z]+)\s*:\s*(?<unit>\d+)\s*(=\s*(?<value>[^@\s]+)\s*)?(@\s*(?<from>\d+)\s*)?$")]
    private static partial Regex Pattern();

    /// <summary>"clamp", "ablate" or "scale": the CLI option's name without dashes.</summary>
    public static string Verb(InterventionAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The form a user writes, e.g. "2:h:17=0.5@100" (the "@0" of the default is left out).</summary>
    public static string Format(Intervention i)
    {
        string kind = i.Target == InterventionTarget.Cell ? "c" : "h";
        string value = i.Action == InterventionAction.Ablate && i.Value == 0 ? "" : "=" + Intervention.Number(i.Value);
        string from = i.From == 0 ? "" : $"@{i.From}";
        return $"{i.Layer + 1}:{kind}:{i.Unit}{value}{from}";
    }

    /// <summary>
    /// One edit with its verb: <c>[VERB:]L:KIND:UNIT[=VALUE][@FROM]</c>, VERB <c>clamp</c> (the default),
    /// <c>ablate</c> or <c>scale</c>, followed by ':' or a space ("ablate:1:h:5", "clamp 1:c:62=-0.76@13",
    /// "1:c:62=-0.76"). The form of web links and hub calls (<see cref="FormatEdit"/> writes it).
    /// </summary>
    public static bool TryParseEdit(string text, out Intervention? intervention, out string error)
    {
        var action = InterventionAction.Clamp;
        string rest = text.TrimStart();
        foreach (var verb in Enum.GetValues<InterventionAction>())
        {
            string name = Verb(verb);
            if (rest.Length > name.Length && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) && rest[name.Length] is ':' or ' ')
            {
                (action, rest) = (verb, rest[(name.Length + 1)..]);
                break;
            }
        }
        return TryParse(rest, action, out intervention, out error);
    }

    /// <summary>The form <see cref="TryParseEdit"/> reads: "1:c:62=-0.76@13" for a clamp, "ablate:1:h:5", "scale:2:c:40=0.5".</summary>
    public static string FormatEdit(Intervention i) =>
        i.Action == InterventionAction.Clamp ? Format(i) : $"{Verb(i.Action)}:{Format(i)}";

    /// <summary>Parses one intervention; on a mistake returns false and says what is wrong and how to write it.</summary>
    public static bool TryParse(string text, InterventionAction action, out Intervention? intervention, out string error)
    {
        intervention = null;
        var match = Pattern().Match(text);
        string shape = action == InterventionAction.Ablate ? "L:KIND:UNIT[@FROM]" : "L:KIND:UNIT=VALUE[@FROM]";
        error = $"'{text}' is not {shape} (layer from 1, KIND c or h, unit from 0, e.g. " +
                (action == InterventionAction.Ablate ? "'1:c:5'" : action == InterventionAction.Scale ? "'1:h:5=2'" : "'1:c:5=0.9@10'") + ").";
        if (!match.Success) return false;
        var target = match.Groups["kind"].Value.ToLowerInvariant() switch
        {
            "c" or "cell" => InterventionTarget.Cell,
            "h" or "hidden" => InterventionTarget.Hidden,
            _ => (InterventionTarget?)null,
        };
        if (target is null) { error = $"'{text}': KIND must be c (LSTM cell state) or h (hidden output), not '{match.Groups["kind"].Value}'."; return false; }
        if (!int.TryParse(match.Groups["layer"].Value, CultureInfo.InvariantCulture, out int layer) || layer < 1)
        { error = $"'{text}': layers are numbered from 1."; return false; }
        if (!int.TryParse(match.Groups["unit"].Value, CultureInfo.InvariantCulture, out int unit))
        { error = $"'{text}': the unit number is too large."; return false; }
        int from = 0;
        if (match.Groups["from"].Success && !int.TryParse(match.Groups["from"].Value, CultureInfo.InvariantCulture, out from))
        { error = $"'{text}': the position after @ is too large."; return false; }
        float value = 0;
        var valueGroup = match.Groups["value"];
        if (action == InterventionAction.Ablate && valueGroup.Success) { error = $"'{text}': ablate takes no value (it sets the unit to 0); use clamp to set a value."; return false; }
        if (action != InterventionAction.Ablate)
        {
            if (!valueGroup.Success) return false;
            if (!float.TryParse(valueGroup.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !float.IsFinite(value))
            { error = $"'{text}': '{valueGroup.Value}' is not a finite number."; return false; }
        }
        intervention = new Intervention(layer - 1, unit, target.Value, action, value, from);
        error = "";
        return true;
    }
}
