using System.CommandLine;
using System.CommandLine.Parsing;
using CharRnnLab.Cli.Options;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// The options `record` and `neurons` share: which checkpoint reads which text, and how.
/// Layers are numbered from 1 on the command line, from 0 in Core.
/// </summary>
internal sealed class RecordingInputOptions
{
    private static readonly RecordingOptions Defaults = new();

    private readonly Option<string> _checkpoint = CheckpointOption.Create();
    private readonly Option<string> _text = ValueOptions.Required("--text", "UTF-8 text to read; its symbols must be in the model's vocabulary", "FILE");
    private readonly Option<IReadOnlyList<int>?> _layers = ValueOptions.LastOneCounts(new Option<IReadOnlyList<int>?>("--layers")
    {
        Description = "layers to keep, numbered from 1 [default: all]", HelpName = "all|1,2",
        CustomParser = r => ParseList(r, ParseLayer),
    });
    private readonly Option<IReadOnlyList<ActivationKind>?> _kinds = ValueOptions.LastOneCounts(new Option<IReadOnlyList<ActivationKind>?>("--kinds")
    {
        Description = "values to keep: cell, tanh_cell, hidden, input_gate, forget_gate, output_gate, candidate_gate (LSTM); " +
                      "hidden, reset_gate, update_gate, new_gate (GRU); hidden (RNN) [default: all]",
        HelpName = "all|cell,hidden",
        CustomParser = r => ParseList(r, ParseKind),
    });
    private readonly Option<int> _streams = ValueOptions.Whole("--streams",
        "read the text as N parallel streams; 1 = one exact pass, slower", 1, 4096, Defaults.Streams);
    private readonly Option<int> _warmUp = ValueOptions.Whole("--warm-up",
        "characters each stream reads before its piece, then discards", 0, 100_000, Defaults.WarmUp);
    private readonly Option<string> _precision = Precision();
    private readonly RunOptions _threads = new(RunConfig.Default, [RunSettings.Threads]);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _checkpoint, _text, _layers, _kinds, _streams, _warmUp, _precision }) command.Options.Add(option);
        _threads.AddTo(command);
    }

    public RecordingArguments Read(ParseResult parse) => new(
        parse.GetRequiredValue(_checkpoint),
        parse.GetRequiredValue(_text),
        _threads.ApplyTo(parse, RunConfig.Default).Training.Threads,
        new RecordingOptions
        {
            Streams = parse.GetValue(_streams),
            WarmUp = parse.GetValue(_warmUp),
            Layers = parse.GetValue(_layers),
            Kinds = parse.GetValue(_kinds),
            Precision = parse.GetValue(_precision) == "fp32" ? RecordingPrecision.Single : RecordingPrecision.Half,
        });

    // The names `sample --precision` uses for the same two storage widths.
    private static Option<string> Precision()
    {
        var option = new Option<string>("--precision")
        {
            Description = "how values are kept while recording: fp16 (half the memory, within float16 rounding) or fp32 " +
                          "(exactly the model's values); files are float32 either way",
            HelpName = "fp16|fp32",
            DefaultValueFactory = _ => Defaults.Precision == RecordingPrecision.Single ? "fp32" : "fp16",
        };
        option.AcceptOnlyFromAmong("fp16", "fp32");
        return option;
    }

    // "all" (null) or a comma-separated list of values, each known.
    private static IReadOnlyList<T>? ParseList<T>(ArgumentResult result, Func<string, T?> parse) where T : struct
    {
        string value = result.Tokens[^1].Value;
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase)) return null;
        var list = new List<T>();
        foreach (string part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (parse(part) is not T item)
            {
                result.AddError($"{ValueOptions.OptionName(result)}: '{part}' is not one of the accepted values (see the help below).");
                return null;
            }
            if (!list.Contains(item)) list.Add(item);
        }
        if (list.Count == 0) result.AddError($"{ValueOptions.OptionName(result)} needs at least one value.");
        return list;
    }

    private static int? ParseLayer(string s) => int.TryParse(s, out int layer) && layer >= 1 ? layer - 1 : null;

    private static ActivationKind? ParseKind(string s) => ActivationKinds.TryParse(s, out var kind) ? kind : null;
}
