using System.Text.Json;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Evaluation;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn eval: a checkpoint's mean loss over a text, from a zero state, in one sequential pass.</summary>
public sealed class EvalCommand : ICommand
{
    public string Name => "eval";
    public string Summary => "mean loss (nats and bits per character) of a checkpoint over a text";
    public IReadOnlyCollection<string> Switches => ["json"];
    public string Help => """
        usage: charrnn eval --checkpoint DIR --text FILE [--json]

          --checkpoint DIR|FILE    a run directory (or its checkpoint.crnn)
          --text FILE              UTF-8 text; its symbols must be in the model's vocabulary
          --json                   print {"characters", "predictions", "nats", "bits"} instead of a line
        Every character after the first is predicted from those before it, from a zero state; the
        script in docs/python.md prints the same line from the weights charrnn export writes.
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        string checkpoint = args.Required("checkpoint");
        string textFile = args.Required("text");
        bool json = args.Flag("json");
        args.EnsureAllUsed();

        var weights = CheckpointFile.LoadWeights(checkpoint);
        string text = RecordingArguments.ReadText(textFile);
        using var lane = new ComputeLane();
        var loss = await lane.Run(() => TextEvaluator.Evaluate(weights, text));
        stdout.WriteLine(json ? JsonSerializer.Serialize(loss, JsonSerializerOptions.Web) : loss.ToString());
        return CommandLine.Ok;
    }
}
