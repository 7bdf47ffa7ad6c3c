using System.CommandLine;
using System.Diagnostics;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn ablate: ranks one layer's units by how much knocking each out raises the loss, beside their correlation with features.</summary>
public sealed class AblateCommand : Command
{
    private static readonly IReadOnlyList<IFeatureTrack> BinaryTracks = FeatureTracks.All.Where(t => t.IsBinary).ToArray();

    private readonly Option<string> _checkpoint = CheckpointOption.Create();
    private readonly Option<string> _text = ValueOptions.Required("--text", "UTF-8 text to read; its symbols must be in the model's vocabulary", "FILE");
    private readonly Option<int?> _layer = ValueOptions.Whole("--layer", "layer to ablate, from 1 [default: the last]", 1, 64);
    private readonly Option<string?> _kind = ValueOptions.Text("--kind", "c (LSTM cell state) or h (hidden output) [default: c for an LSTM, else h]", "c|h");
    private readonly Option<IReadOnlyList<IFeatureTrack>> _features = FeatureOption.Create(
        $"classes to average the loss change over (positions where the track is > 0) [default: {string.Join(",", BinaryTracks.Select(t => t.Name))}]", BinaryTracks);
    private readonly Option<string?> _by = ValueOptions.Text("--by", "sort by the loss change on this feature's positions instead of overall", "NAME");
    private readonly Option<bool> _mean = ValueOptions.Switch("--mean", "ablate each unit to its mean over the text instead of 0");
    private readonly Option<int> _top = ValueOptions.Whole("--top", "units listed", 1, 10_000, 20);
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print one JSON document instead of a table");
    private readonly RunOptions _threads = new(RunConfig.Default, [RunSettings.Threads]);

    public AblateCommand() : base("ablate",
        "Ablate each unit of one layer in turn over a text and rank the units by the loss increase, overall and per feature class, " +
        "beside their correlation with each feature.")
    {
        foreach (var option in new Option[] { _checkpoint, _text, _layer, _kind, _features, _by, _mean, _top, _json }) Options.Add(option);
        _threads.AddTo(this);
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        var weights = CheckpointFile.LoadWeights(parse.GetRequiredValue(_checkpoint));
        string text = RecordingArguments.ReadText(parse.GetRequiredValue(_text));
        int layer = (parse.GetValue(_layer) ?? weights.Config.Layers) - 1;
        var target = Target(parse.GetValue(_kind), weights.Config.Cell);
        var features = parse.GetValue(_features) ?? BinaryTracks;
        string? by = parse.GetValue(_by);
        if (by is not null && !features.Any(f => f.Name.Equals(by, StringComparison.OrdinalIgnoreCase)))
            throw new CharRnnException($"--by {by}: sort by one of the features given ({string.Join(", ", features.Select(f => f.Name))}).");
        var kind = UnitMeans.Kind(target);
        new InterventionSet(weights.Config, [new Intervention(layer, 0, target, InterventionAction.Ablate)]); // a bad layer or kind fails before any work

        using var lane = new ComputeLane(_threads.ApplyTo(parse, RunConfig.Default).Training.Threads);
        var plain = await lane.Run(() => ActivationRecorder.Record(weights, text, new RecordingOptions { Layers = [layer], Kinds = [kind] }));
        float[]? means = parse.GetValue(_mean) ? Enumerable.Range(0, weights.Config.Hidden)
            .Select(u => (float)plain.Column(layer, kind, u).Average(v => (double)v)).ToArray() : null;
        var clock = Stopwatch.StartNew();
        var ranking = await lane.Run(() => AblationRanker.Rank(weights, text, layer, target, features, means));
        double seconds = clock.Elapsed.TotalSeconds;
        var correlations = features.Select(f => CorrelationRanker.Correlations(plain.Get(layer, kind), plain.Units, f.Compute(text))).ToArray();

        var report = new AblationReport(weights.Config, ranking, correlations, by, parse.GetValue(_top), seconds);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json)) report.WriteJson(stdout);
        else report.WriteTable(stdout);
        return ExitCode.Ok;
    }

    private static InterventionTarget Target(string? kind, Core.Model.CellType cell) => kind?.ToLowerInvariant() switch
    {
        null => cell == Core.Model.CellType.Lstm ? InterventionTarget.Cell : InterventionTarget.Hidden,
        "c" or "cell" => InterventionTarget.Cell,
        "h" or "hidden" => InterventionTarget.Hidden,
        _ => throw new CharRnnException($"--kind must be c (LSTM cell state) or h (hidden output), not '{kind}'."),
    };
}
