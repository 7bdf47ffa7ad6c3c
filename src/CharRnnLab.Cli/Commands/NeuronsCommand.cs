using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn neurons: records a text and lists the cells that track quotes, URLs, line position….</summary>
public sealed class NeuronsCommand : Command
{
    private readonly RecordingInputOptions _input = new();
    private readonly Option<IReadOnlyList<IFeatureTrack>> _features = FeatureOption.Create("[default: all]", FeatureTracks.All);
    private readonly Option<int> _top = ValueOptions.Whole("--top", "cells listed per feature", 1, 10_000, 10);
    private readonly Option<bool> _probe = ValueOptions.Switch("--probe", "also fit a sparse linear probe: how few cells explain the feature");
    private readonly Option<bool> _gates = ValueOptions.Switch("--gates", "also print gate saturation (fraction of time < 0.1 and > 0.9)");
    private readonly Option<(int Start, int End)?> _range = ValueOptions.LastOneCounts(new Option<(int Start, int End)?>("--range")
    {
        Description = "also list cells on inside characters [START, END) and off around them", HelpName = "START:END",
        CustomParser = ParseRange,
    });
    private readonly Option<double> _threshold = ValueOptions.Number("--threshold", "\"on\" means above T, for --range", double.MinValue, double.MaxValue, 0.5);
    private readonly Option<int> _margin = ValueOptions.Whole("--margin", "characters either side of the range that should be off", 0, 10_000, 3);
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print one JSON document instead of tables");

    public NeuronsCommand() : base("neurons",
        "Find the cells that track quotes, URLs, line position, indentation, brackets, comments (ranked by |Pearson r|).")
    {
        _input.AddTo(this);
        foreach (var option in new Option[] { _features, _top, _probe, _gates, _range, _threshold, _margin, _json }) Options.Add(option);
        SetAction((parse, _) => RunAsync(parse));
    }

    private async Task<int> RunAsync(ParseResult parse)
    {
        var hunt = new NeuronHuntOptions { Top = parse.GetValue(_top), Probe = parse.GetValue(_probe) };
        var range = parse.GetValue(_range);
        float threshold = (float)parse.GetValue(_threshold);
        var recording = await _input.Read(parse).RecordAsync();
        var report = new NeuronsReport(
            recording,
            NeuronHunter.HuntAll(recording, parse.GetValue(_features) ?? FeatureTracks.All, hunt),
            parse.GetValue(_gates) ? GateStatistics.Compute(recording) : null,
            range is var (start, end) ? RangeSearch.Find(recording, start, end, threshold, parse.GetValue(_margin), hunt.Top) : null,
            range, threshold);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json)) stdout.WriteLine(JsonSerializer.Serialize(report.ToJson(), NeuronsReport.JsonOptions));
        else report.WriteTables(stdout);
        return ExitCode.Ok;
    }

    private static (int Start, int End)? ParseRange(ArgumentResult result)
    {
        string value = result.Tokens[^1].Value;
        var parts = value.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int end) && start >= 0 && end > start)
            return (start, end);
        result.AddError($"--range must be START:END with 0 ≤ START < END, character positions (got '{value}').");
        return null;
    }
}
