using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn ngram: the corpus's n-gram baselines (Kneser–Ney validation loss of each order, on the
/// runs' own split), or a sample from one order's model.
/// </summary>
public sealed class NgramCommand : Command
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly CorpusSplitOptions _corpus = new("UTF-8 text; its training split is indexed once and cached next to it");
    private readonly Option<(int From, int To)> _orders = ValueOptions.LastOneCounts(new Option<(int From, int To)>("--orders")
    {
        Description = $"orders scored, LOW-HIGH or N, within 1-{NgramIndex.MaxOrder} [default: 1-{NgramIndex.MaxOrder}]",
        HelpName = "LOW-HIGH", DefaultValueFactory = _ => (1, NgramIndex.MaxOrder), CustomParser = ParseOrders,
    });
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "print one JSON object instead of a table");
    private readonly Option<int?> _sample = ValueOptions.Whole("--sample", "generate N symbols from the --order model instead of scoring", 0, 10_000_000);
    private readonly Option<int?> _order = ValueOptions.Whole("--order", "the model sampled: each symbol given the N − 1 before it", 1, NgramIndex.MaxOrder);
    private readonly Option<double> _temperature = ValueOptions.Number("--temperature", "sampling temperature; 0 takes the most likely symbol", 0, 100, new SampleOptions().Temperature);
    private readonly Option<bool> _unsmoothed = ValueOptions.Switch("--unsmoothed", "sample Goldberg's maximum-likelihood model (backs off to shorter contexts when unseen)");
    private readonly Option<int?> _seed = ValueOptions.Whole("--seed", "random seed, for repeatable samples");

    public NgramCommand() : base("ngram",
        $"n-gram baselines: validation loss (nats and bits per character) of {NgramBaselines.Smoothing} models of each order, or a sample.")
    {
        _corpus.AddTo(this);
        foreach (var option in new Option[] { _orders, _json, _sample, _order, _temperature, _unsmoothed, _seed }) Options.Add(option);
        ValueOptions.Exclusive(this, _orders, _sample, "--sample draws from the one --order model");
        Validators.Add(result =>
        {
            if (result.GetResult(_sample) is { Implicit: false } && result.GetResult(_order) is null)
                result.AddError("--sample needs --order N, the model to sample from.");
        });
        ValueOptions.OnlyWith(this, _sample, [_order, _temperature, _unsmoothed, _seed], "applies to sampling only: add --sample N (and --order N).");
        SetAction((parse, _) => Task.FromResult(Run(parse)));
    }

    private int Run(ParseResult parse)
    {
        var (corpus, validationFraction) = _corpus.Read(parse);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_sample) is int length)
        {
            var options = new NgramSampleOptions(parse.GetValue(_order)!.Value, length, parse.GetValue(_temperature), parse.GetValue(_unsmoothed), parse.GetValue(_seed));
            stdout.WriteLine(NgramBaselines.Sample(corpus, validationFraction, options));
            return ExitCode.Ok;
        }
        var (from, to) = parse.GetValue(_orders);
        var report = NgramBaselines.Evaluate(corpus, validationFraction, from, to);
        var process = ProcessUse.Now();
        if (parse.GetValue(_json)) stdout.WriteLine(JsonSerializer.Serialize(new { report, process }, Json));
        else WriteTable(stdout, report, process, parse.InvocationConfiguration.Error);
        return ExitCode.Ok;
    }

    private static void WriteTable(TextWriter o, NgramReport r, ProcessUse process, TextWriter stderr)
    {
        o.WriteLine($"{r.Smoothing} on {r.Corpus}: {r.TrainSymbols:N0} training and {r.ValidationSymbols:N0} validation symbols " +
            $"(validation fraction {r.ValidationFraction})");
        o.WriteLine($"index {r.Index.ToString().ToLowerInvariant()} in {r.IndexSeconds:F2} s ({r.IndexBytes / 1048576.0:F1} MB), every order scored in " +
            $"{r.ScoreSeconds:F2} s; one suffix array serves all orders");
        o.WriteLine($"process: {process.CpuSeconds:F1} CPU seconds, peak working set {process.PeakWorkingSetMb:F0} MB");
        o.WriteLine("order     nats  bits/char  discount");
        foreach (var s in r.Orders) o.WriteLine($"{s.Order,5}  {s.Nats,7:F4}  {s.Bits,9:F4}  {s.Discount,8:F3}");
        if (r.CacheNote is not null) stderr.WriteLine($"charrnn ngram: note: {r.CacheNote}; the index will be built again next time.");
    }

    /// <summary>What the process used: CPU time says more than wall time on a loaded machine.</summary>
    private sealed record ProcessUse(double CpuSeconds, double PeakWorkingSetMb)
    {
        public static ProcessUse Now()
        {
            using var process = Process.GetCurrentProcess();
            return new ProcessUse(Math.Round(process.TotalProcessorTime.TotalSeconds, 2), Math.Round(process.PeakWorkingSet64 / 1048576.0, 1));
        }
    }

    private static (int, int) ParseOrders(ArgumentResult result)
    {
        string text = result.Tokens[^1].Value;
        var parts = text.Split('-');
        if (parts.Length is 1 or 2 && int.TryParse(parts[0], out int from) && int.TryParse(parts[^1], out int to)
            && from >= 1 && to <= NgramIndex.MaxOrder && from <= to)
            return (from, to);
        result.AddError($"--orders must be LOW-HIGH or N with 1 ≤ LOW ≤ HIGH ≤ {NgramIndex.MaxOrder} (got '{text}').");
        return default;
    }
}
