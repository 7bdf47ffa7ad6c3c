using System.CommandLine;
using System.Text.Json;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Evaluation;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn eval: a checkpoint's mean loss over a text, from a zero state, in one sequential pass.</summary>
public sealed class EvalCommand : Command
{
    private readonly Option<string> _checkpoint = CheckpointOption.Create();
    private readonly Option<string> _text = ValueOptions.Required("--text", "UTF-8 text; its symbols must be in the model's vocabulary", "FILE");
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print {\"characters\", \"predictions\", \"nats\", \"bits\"} instead of a line");

    public EvalCommand() : base("eval",
        "Mean loss (nats and bits per character) of a checkpoint over a text: each character after the first predicted from a zero state.")
    {
        Options.Add(_checkpoint);
        Options.Add(_text);
        Options.Add(_json);
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        var weights = CheckpointFile.LoadWeights(parse.GetRequiredValue(_checkpoint));
        string text = RecordingArguments.ReadText(parse.GetRequiredValue(_text));
        using var lane = new ComputeLane();
        var loss = await lane.Run(() => TextEvaluator.Evaluate(weights, text));
        parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(_json) ? JsonSerializer.Serialize(loss, JsonSerializerOptions.Web) : loss.ToString());
        return ExitCode.Ok;
    }
}
