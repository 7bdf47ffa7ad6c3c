using System.CommandLine;
using System.CommandLine.Parsing;
using CharRnnLab.Core.Interventions;

namespace CharRnnLab.Cli.Options;

/// <summary>
/// --clamp, --ablate and --scale (each repeatable), shared by `sample` and `record`: edits of one
/// unit's c or h from a position on (docs/interventions.md). Checked against the model once it is loaded.
/// </summary>
internal sealed class InterventionOptions
{
    private readonly Option<IReadOnlyList<Intervention>> _clamp = Create(InterventionAction.Clamp,
        "pin unit UNIT's c (LSTM) or h of layer L (from 1) to VALUE from character FROM on [default FROM: 0]; repeatable",
        "L:KIND:UNIT=VALUE[@FROM]");
    private readonly Option<IReadOnlyList<Intervention>> _ablate = Create(InterventionAction.Ablate,
        "set the unit's c or h to 0 from character FROM on; repeatable", "L:KIND:UNIT[@FROM]");
    private readonly Option<IReadOnlyList<Intervention>> _scale = Create(InterventionAction.Scale,
        "multiply the unit's c or h by F from character FROM on; repeatable", "L:KIND:UNIT=F[@FROM]");

    public void AddTo(Command command)
    {
        command.Options.Add(_clamp);
        command.Options.Add(_ablate);
        command.Options.Add(_scale);
    }

    /// <summary>Every intervention given, clamps first, then ablations, then scales; empty when none.</summary>
    public IReadOnlyList<Intervention> Read(ParseResult parse) =>
        [.. parse.GetValue(_clamp) ?? [], .. parse.GetValue(_ablate) ?? [], .. parse.GetValue(_scale) ?? []];

    private static Option<IReadOnlyList<Intervention>> Create(InterventionAction action, string description, string helpName) => new($"--{InterventionSyntax.Verb(action)}")
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false, // one value per --clamp, never the words after it
        CustomParser = result => Parse(result, action),
    };

    private static IReadOnlyList<Intervention> Parse(ArgumentResult result, InterventionAction action)
    {
        var parsed = new List<Intervention>();
        foreach (var token in result.Tokens)
        {
            if (InterventionSyntax.TryParse(token.Value, action, out var intervention, out string error)) parsed.Add(intervention!);
            else result.AddError($"{ValueOptions.OptionName(result)}: {error}");
        }
        return parsed;
    }
}
