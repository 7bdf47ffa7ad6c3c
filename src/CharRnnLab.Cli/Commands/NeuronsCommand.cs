using System.Text.Json;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn neurons: records a text and lists the cells that track quotes, URLs, line position….</summary>
public sealed class NeuronsCommand : ICommand
{
    public string Name => "neurons";
    public string Summary => "find the cells that track quotes, URLs, line position, indentation, brackets, comments";
    public IReadOnlyCollection<string> Switches => ["probe", "gates", "json"];
    public string Help => $"""
        usage: charrnn neurons --checkpoint DIR --text FILE [options]

        {RecordingArguments.Help}
          --feature NAME           {string.Join("|", FeatureTracks.Names)}; repeat or comma-separate (all)
          --top N                  cells listed per feature (10)
          --probe                  also fit a sparse linear probe: how few cells explain the feature
          --gates                  also print gate saturation (fraction of time < 0.1 and > 0.9)
          --range START:END        also list cells on inside characters [START, END) and off around them
          --threshold T            "on" means above T, for --range (0.5)
          --margin N               characters either side of the range that should be off (3)
          --json                   print one JSON document instead of tables
        Layers are numbered from 1, units from 0. Cells are ranked by |Pearson r| with each feature.
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        var input = RecordingArguments.Read(args);
        var tracks = Features(args);
        var hunt = new NeuronHuntOptions { Top = args.Int("top", 1, 10_000) ?? 10, Probe = args.Flag("probe") };
        bool gates = args.Flag("gates");
        var range = Range(args.String("range"));
        float threshold = (float)(args.Double("threshold") ?? 0.5);
        int margin = args.Int("margin", 0, 10_000) ?? 3;
        bool json = args.Flag("json");
        args.EnsureAllUsed();

        var recording = await input.RecordAsync();
        var report = new NeuronsReport(
            recording,
            NeuronHunter.HuntAll(recording, tracks, hunt),
            gates ? GateStatistics.Compute(recording) : null,
            range is var (start, end) ? RangeSearch.Find(recording, start, end, threshold, margin, hunt.Top) : null,
            range, threshold);
        if (json) stdout.WriteLine(JsonSerializer.Serialize(report.ToJson(), NeuronsReport.JsonOptions));
        else report.WriteTables(stdout);
        return CommandLine.Ok;
    }

    private static IReadOnlyList<IFeatureTrack> Features(ArgReader args)
    {
        var names = args.Strings("feature").SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0) return FeatureTracks.All;
        return names.Distinct(StringComparer.OrdinalIgnoreCase).Select(name =>
            FeatureTracks.All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--feature must be one of {string.Join("|", FeatureTracks.Names)} (got '{name}').")).ToList();
    }

    private static (int Start, int End)? Range(string? value)
    {
        if (value is null) return null;
        var parts = value.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int end) && start >= 0 && end > start)
            return (start, end);
        throw new UsageException($"--range must be START:END with 0 ≤ START < END, character positions (got '{value}').");
    }
}
