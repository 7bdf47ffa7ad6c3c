using System.CommandLine;
using System.Text.Json;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Influence;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn influence: which earlier characters one prediction depended on (gradient norm per
/// input position), or with --span-chart the mean of that over many positions against distance.
/// </summary>
public sealed class InfluenceCommand : Command
{
    private static readonly int[] ChartDistances = [1, 2, 3, 5, 10, 20, 50, 100, 200, 300, 500, 1000];

    private readonly Option<string> _checkpoint = CheckpointOption.Create();
    private readonly Option<string> _text = ValueOptions.Required("--text", "UTF-8 text to read; its symbols must be in the model's vocabulary", "FILE");
    private readonly Option<int?> _at = ValueOptions.Whole("--at", "position (from 0) of the character whose prediction is explained", 1);
    private readonly Option<int> _span = ValueOptions.Whole("--span", "inputs before it to measure", 1, InfluenceAnalyzer.MaxSpan, 300);
    private readonly Option<bool> _chart = ValueOptions.Switch("--span-chart", "mean influence against distance over many positions instead of one --at");
    private readonly Option<int> _positions = ValueOptions.Whole("--positions", "with --span-chart: positions averaged, spread over the text", 1, 10_000, 64);
    private readonly Option<int> _warmUp = ValueOptions.Whole("--warm-up", "with --span-chart: characters each position reads before its span, without gradients", 0, 100_000, 300);
    private readonly Option<int> _top = ValueOptions.Whole("--top", "most influential positions listed", 1, 1000, 15);
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print JSON (every distance) instead of a summary");
    private readonly RunOptions _threads = new(RunConfig.Default, [RunSettings.Threads]);

    public InfluenceCommand() : base("influence",
        "How much a prediction depended on each earlier character: ‖∂ log p(next) / ∂ input‖ per position (one-hot or embedding input).")
    {
        foreach (var option in new Option[] { _checkpoint, _text, _at, _span, _chart, _positions, _warmUp, _top, _json }) Options.Add(option);
        _threads.AddTo(this);
        Validators.Add(result =>
        {
            bool at = result.GetResult(_at) is { Implicit: false }, chart = result.GetResult(_chart) is { Implicit: false };
            if (at == chart) result.AddError("give either --at N (one prediction) or --span-chart (the mean over many positions).");
        });
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        var weights = CheckpointFile.LoadWeights(parse.GetRequiredValue(_checkpoint));
        string text = RecordingArguments.ReadText(parse.GetRequiredValue(_text));
        int span = parse.GetValue(_span);
        bool json = parse.GetValue(_json);
        var stdout = parse.InvocationConfiguration.Output;
        using var lane = new ComputeLane(_threads.ApplyTo(parse, RunConfig.Default).Training.Threads);
        if (parse.GetValue(_chart))
        {
            var chart = await lane.Run(() => MemorySpan.Chart(weights, text, span, parse.GetValue(_positions), parse.GetValue(_warmUp)));
            if (json) stdout.WriteLine(JsonSerializer.Serialize(chart, NeuronsReport.JsonOptions));
            else WriteChart(stdout, chart);
            return ExitCode.Ok;
        }
        int at = parse.GetValue(_at)!.Value;
        var influence = await lane.Run(() => InfluenceAnalyzer.At(weights, text, at, span));
        if (json) stdout.WriteLine(JsonSerializer.Serialize(influence, NeuronsReport.JsonOptions));
        else WriteInfluence(stdout, influence, text, parse.GetValue(_top));
        return ExitCode.Ok;
    }

    private static void WriteInfluence(TextWriter o, InputInfluence influence, string text, int top)
    {
        var symbols = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        o.WriteLine($"Predicting {Show(influence.Symbol)} at position {influence.Position}: log p = {influence.LogProbability:F4}. " +
            $"Influence = ‖∂ log p / ∂x‖ with x the {influence.InputKind} input, per earlier position.");
        double total = influence.Norms.Sum(), running = 0;
        int half = influence.Norms.TakeWhile(n => (running += n) < total / 2).Count() + 1;
        o.WriteLine($"Half of the total lies within the last {half} character(s).");
        o.WriteLine("  distance  position  char      influence");
        foreach (var (norm, k) in influence.Norms.Select((n, i) => (n, i + 1)).OrderByDescending(x => x.n).Take(top))
            o.WriteLine($"  {k,8}  {influence.Position - k,8}  {Show(symbols[influence.Position - k]),-8}  {norm,9:G4}");
    }

    private static void WriteChart(TextWriter o, MemorySpanChart chart)
    {
        o.WriteLine($"Mean ‖∂ log p(next) / ∂x‖ ({chart.InputKind} input) over {chart.Positions.Count} positions, each warmed up on {chart.WarmUp} characters:");
        o.WriteLine("  distance  mean influence");
        foreach (int k in ChartDistances.Where(k => k <= chart.Span))
            o.WriteLine($"  {k,8}  {chart.MeanNorms[k - 1],14:G4}");
    }

    private static string Show(string symbol) => symbol switch { "\n" => "\\n", "\t" => "\\t", " " => "' '", _ => symbol };
}
