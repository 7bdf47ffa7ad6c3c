using System.CommandLine;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// charrnn sample: generates text from a checkpoint, streamed to stdout. With --clamp, --ablate or
/// --scale it samples twice from the same seed, without and with the edits, and prints both.
/// </summary>
public sealed class SampleCommand : Command
{
    private static readonly SampleOptions Defaults = new();

    private readonly Option<string> _checkpoint = CheckpointOption.Create();
    private readonly Option<int> _length = ValueOptions.Whole("--length", "symbols to generate", 0, 10_000_000, 2000);
    private readonly Option<double> _temperature = ValueOptions.Number("--temperature", "< 1 is safer and more repetitive, > 1 wilder", 0, 100, Defaults.Temperature);
    private readonly Option<bool> _argmax = ValueOptions.Switch("--argmax", "always take the most likely symbol (temperature 0)");
    private readonly Option<int> _topK = ValueOptions.Whole("--top-k", "sample only among the K most likely symbols (0 = all)", 0, int.MaxValue, Defaults.TopK);
    private readonly Option<string?> _prime = ValueOptions.Text("--prime", "text to start from (printed first; its symbols must be in the vocabulary)", "TEXT");
    private readonly Option<int?> _seed = ValueOptions.Whole("--seed", "random seed, for repeatable samples");
    private readonly InterventionOptions _interventions = new();
    private readonly Option<bool> _json = ValueOptions.Switch("--json", "with interventions: print both continuations, the first divergence and the per-character KL as JSON");
    private readonly Option<string> _precision = Precision();
    private readonly Option<double[]?> _temperatures = ValueOptions.LastOneCounts(new Option<double[]?>("--temperatures")
    {
        Description = $"a temperature strip: one text per temperature (comma-separated, up to {Sampler.MaxStrip}), same seed, sampled in one pass",
        HelpName = "T1,T2,…",
        CustomParser = ParseTemperatures,
    });

    public SampleCommand() : base("sample", "Generate text from a trained checkpoint; the text goes to stdout as it is generated.")
    {
        Options.Add(_checkpoint);
        Options.Add(_length);
        Options.Add(_temperature);
        Options.Add(_argmax);
        Options.Add(_topK);
        Options.Add(_prime);
        Options.Add(_seed);
        _interventions.AddTo(this);
        Options.Add(_json);
        Options.Add(_precision);
        Options.Add(_temperatures);
        ValueOptions.Exclusive(this, _argmax, _temperature, "--argmax means temperature 0");
        ValueOptions.Exclusive(this, _temperatures, _temperature, "the strip gives every temperature");
        ValueOptions.Exclusive(this, _temperatures, _argmax, "write 0 in the strip for greedy");
        SetAction(Run);
    }

    /// <summary>Each temperature's text under a header line, after the whole strip is sampled (its streams advance together).</summary>
    private static int RunStrip(Sampler sampler, SampleOptions options, double[] temperatures, TextWriter stdout)
    {
        var texts = temperatures.Select(_ => new System.Text.StringBuilder(options.Prime)).ToArray();
        foreach (var step in sampler.GenerateStrip(options, temperatures))
            for (int k = 0; k < texts.Length; k++) texts[k].Append(step[k].Symbol);
        for (int k = 0; k < texts.Length; k++)
            stdout.WriteLine($"--- temperature {temperatures[k].ToString(System.Globalization.CultureInfo.InvariantCulture)} ---\n{texts[k]}");
        stdout.Flush();
        return ExitCode.Ok;
    }

    private static double[] ParseTemperatures(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens[^1].Value;
        var values = new List<double>();
        foreach (string part in text.Split(','))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double t)
                || !double.IsFinite(t) || t < 0 || t > 100)
            {
                result.AddError($"--temperatures takes numbers from 0 to 100 separated by commas, e.g. 0.5,1.0,1.5 (got '{part}' in '{text}').");
                return [];
            }
            values.Add(t);
        }
        if (values.Count > Sampler.MaxStrip) result.AddError($"--temperatures takes at most {Sampler.MaxStrip} temperatures (got {values.Count}).");
        return values.ToArray();
    }

    private static Option<string> Precision()
    {
        var option = new Option<string>("--precision")
        {
            Description = "weights the stepper reads: fp16 (half precision, every core, fastest), fp32 (packed, every core) " +
                          "or exact (the plain float32 reference stepper, one thread)",
            HelpName = "fp16|fp32|exact",
            DefaultValueFactory = _ => "fp16",
        };
        option.AcceptOnlyFromAmong("fp16", "fp32", "exact");
        return option;
    }

    private static StepperOptions? Stepper(string precision) => precision switch
    {
        "exact" => null,
        "fp32" => StepperOptions.AllCores with { Precision = WeightPrecision.Float32 },
        _ => StepperOptions.AllCores,
    };

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        string prime = parse.GetValue(_prime) ?? "";
        var weights = CheckpointFile.LoadWeights(parse.GetRequiredValue(_checkpoint));
        double temperature = parse.GetValue(_argmax) ? 0 : parse.GetValue(_temperature);
        var options = new SampleOptions(parse.GetValue(_length), temperature, prime, parse.GetValue(_seed), parse.GetValue(_topK));
        var interventions = _interventions.Read(parse);
        if (interventions.Count > 0) return RunPaired(parse, weights, options, new InterventionSet(weights.Config, interventions));
        if (parse.GetValue(_json)) throw new Core.CharRnnException("--json describes a paired sample; give --clamp, --ablate or --scale with it.");
        var sampler = new Sampler(weights, Stepper(parse.GetValue(_precision)!));
        if (parse.GetValue(_temperatures) is { Length: > 0 } strip) return RunStrip(sampler, options, strip, stdout);
        using var symbols = sampler.Generate(options).GetEnumerator();
        bool any = symbols.MoveNext(); // primes the model: a bad prime fails here, before anything is printed
        stdout.Write(prime);
        for (int n = 1; any; n++)
        {
            stdout.Write(symbols.Current.Symbol);
            if (n % 64 == 0 || symbols.Current.Symbol == "\n") stdout.Flush();
            any = symbols.MoveNext();
        }
        stdout.WriteLine();
        stdout.Flush();
        return ExitCode.Ok;
    }

    private int RunPaired(ParseResult parse, ModelWeights weights, SampleOptions options, InterventionSet interventions)
    {
        var report = new PairedSampleReport(options.Prime, PairedSampler.Generate(weights, options, interventions), interventions);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json)) report.WriteJson(stdout);
        else report.WriteText(stdout);
        return ExitCode.Ok;
    }
}
