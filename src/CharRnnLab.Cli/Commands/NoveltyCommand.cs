using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Yardsticks.Novelty;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn novelty: how much of a sample (a file, or one drawn from a checkpoint) the corpus's
/// training split already contains: the longest copied piece, the share inside copies of ≥ 20
/// symbols, and the share of lines that are new.
/// </summary>
public sealed class NoveltyCommand : Command
{
    private readonly CorpusSplitOptions _corpus = new("the training text; its training split is searched (index cached as for ngram)");
    private readonly Option<string?> _sample = ValueOptions.Text("--sample", "the sample to check, a UTF-8 text file", "FILE");
    private readonly Option<string?> _checkpoint = ValueOptions.Text("--checkpoint", "draw the sample from this run (or its checkpoint.crnn)", "DIR|FILE");
    private readonly Option<int> _length = ValueOptions.Whole("--length", "symbols drawn with --checkpoint", 1, 10_000_000, 2000);
    private readonly Option<double> _temperature = ValueOptions.Number("--temperature", "sampling temperature with --checkpoint", 0, 100, new SampleOptions().Temperature);
    private readonly Option<int?> _seed = ValueOptions.Whole("--seed", "random seed with --checkpoint");
    private readonly Option<int> _minSpan = ValueOptions.Whole("--min-span", "copied pieces shorter than N symbols are not counted", 1, 1_000_000, NoveltyCheck.DefaultMinSpan);
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print one JSON object (with the copied spans and the sample) instead of lines");

    public NoveltyCommand() : base("novelty",
        "Memorisation check: the longest piece of a sample found in the training text, the share copied in pieces of ≥ 20 symbols, the share of new lines.")
    {
        _corpus.AddTo(this);
        foreach (var option in new Option[] { _sample, _checkpoint, _length, _temperature, _seed, _minSpan, _json }) Options.Add(option);
        ValueOptions.Exclusive(this, _sample, _checkpoint, "check a sample file, or one drawn from a checkpoint");
        Validators.Add(result =>
        {
            if (result.GetResult(_checkpoint) is not { Implicit: false } && result.GetResult(_sample) is not { Implicit: false })
                result.AddError("Give the sample: --sample FILE, or --checkpoint DIR --length N to draw one.");
        });
        ValueOptions.OnlyWith(this, _checkpoint, [_length, _temperature, _seed], "applies to a sample drawn with --checkpoint only.");
        SetAction((parse, _) => Task.FromResult(Run(parse)));
    }

    private int Run(ParseResult parse)
    {
        var (corpus, validationFraction) = _corpus.Read(parse);
        string sample = parse.GetValue(_sample) is { } file ? RecordingArguments.ReadText(file, _sample.Name) : Draw(parse);
        var clock = Stopwatch.StartNew();
        var check = NoveltyCheck.For(corpus, validationFraction);
        double indexSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var report = check.Measure(sample, parse.GetValue(_minSpan));
        double seconds = clock.Elapsed.TotalSeconds;
        var o = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            o.WriteLine(JsonSerializer.Serialize(new { report, indexSeconds, seconds, sample }, NeuronsReport.JsonOptions));
            return ExitCode.Ok;
        }
        o.WriteLine($"sample: {report.Symbols:N0} symbols, checked against {corpus.Name}'s training split in {seconds:F3} s (index {indexSeconds:F2} s)");
        o.WriteLine($"longest piece found in training: {report.Longest.Length} symbols at {report.Longest.Start}: {Quote(report.LongestText)}");
        o.WriteLine($"copied in pieces of ≥ {report.MinSpan}: {report.CopiedShare:P1} of the sample, {report.Copied.Count} span(s)");
        o.WriteLine(report.NovelLineShare is double share
            ? $"new lines: {report.NovelLines} of {report.Lines} ({share:P1}) are not lines of the training text"
            : "new lines: the sample has no complete line");
        return ExitCode.Ok;
    }

    /// <summary>The text as a JSON string (newlines shown as \n), its middle left out past 120 characters.</summary>
    private static string Quote(string text)
    {
        if (text.Length <= 120) return JsonSerializer.Serialize(text, NeuronsReport.JsonOptions);
        int head = char.IsHighSurrogate(text[59]) ? 59 : 60, tail = char.IsLowSurrogate(text[^60]) ? 59 : 60; // never half a character
        return JsonSerializer.Serialize($"{text[..head]}…{text[^tail..]}", NeuronsReport.JsonOptions);
    }

    private string Draw(ParseResult parse)
    {
        var sampler = new Sampler(CheckpointFile.LoadWeights(parse.GetValue(_checkpoint)!));
        return sampler.GenerateText(new SampleOptions(parse.GetValue(_length), parse.GetValue(_temperature), Seed: parse.GetValue(_seed)));
    }
}
