using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Evaluation;
using CharRnnLab.Core.Yardsticks.Errors;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn errors: the paper's breakdown of a model's errors (characters given p &lt; 0.5) on a
/// text, by default the run's validation split; with --versus, what a second model fixes.
/// </summary>
public sealed class ErrorsCommand : Command
{
    private static readonly ErrorOptions Defaults = new();
    private static readonly JsonSerializerOptions Json = new(NeuronsReport.JsonOptions)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Option<string> _checkpoint = CheckpointOption.Create();
    private readonly Option<string> _corpus = ValueOptions.Required("--corpus", "the text the run trained on: its split, n-gram oracle and word counts", "FILE");
    private readonly Option<string?> _text = ValueOptions.Text("--text", "analyse this UTF-8 text instead of the run's validation split", "FILE");
    private readonly Option<string?> _versus = ValueOptions.Text("--versus", "a second run on the same text: what it fixes, what it breaks", "DIR|FILE");
    private readonly Option<int> _oracle = ValueOptions.Whole("--oracle-order", "the n-gram oracle tries orders 1..K", 1, NgramIndex.MaxOrder, Defaults.OracleOrder);
    private readonly Option<int> _rare = ValueOptions.Whole("--rare", "a word seen at most N times in training is rare", 0, int.MaxValue, Defaults.RareCount);
    private readonly Option<double> _threshold = ValueOptions.Number("--threshold", "a character given p below this is an error", 1e-9, 1, Defaults.Threshold);
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print one JSON object, with each symbol's category as one letter");

    public ErrorsCommand() : base("errors",
        "Break a model's errors (characters given p < 0.5) into n-gram-fixable, rare words, after a space, punctuation and other.")
    {
        foreach (var option in new Option[] { _checkpoint, _corpus, _text, _versus, _oracle, _rare, _threshold, _json }) Options.Add(option);
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        string run = parse.GetRequiredValue(_checkpoint);
        var split = CheckpointFile.ReadMetadata(run).Training.ValidationFraction;
        var corpus = CorpusLoader.LoadFile(parse.GetRequiredValue(_corpus));
        var options = new ErrorOptions(parse.GetValue(_threshold), parse.GetValue(_oracle), parse.GetValue(_rare));
        var analyzer = new ErrorAnalyzer(NgramBaselines.Open(corpus, split).Index, corpus, options);
        string text = parse.GetValue(_text) is { } file ? RecordingArguments.ReadText(file) : analyzer.ValidationText;
        string what = parse.GetValue(_text) ?? $"the validation split of {corpus.Name} (fraction {split})";

        using var lane = new ComputeLane();
        var a = await AnalyzeAsync(analyzer, run, text, lane);
        var b = parse.GetValue(_versus) is { } other ? await AnalyzeAsync(analyzer, other, text, lane) : null;
        var o = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json)) o.WriteLine(JsonSerializer.Serialize(ErrorsReport.ToJson(a, b, what), Json));
        else ErrorsReport.WriteTable(o, a, b, run, parse.GetValue(_versus), what);
        return ExitCode.Ok;
    }

    private static async Task<ErrorBreakdown> AnalyzeAsync(ErrorAnalyzer analyzer, string run, string text, ComputeLane lane)
    {
        var weights = CheckpointFile.LoadWeights(run);
        var probabilities = await lane.Run(() => TextEvaluator.TargetProbabilities(weights, text));
        return analyzer.Analyze(text, probabilities);
    }
}
