using System.Text;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// The options `record` and `neurons` share: which checkpoint reads which text, and how.
/// Layers are numbered from 1 on the command line, from 0 in Core.
/// </summary>
internal sealed record RecordingArguments(string Checkpoint, string TextFile, int Threads, RecordingOptions Options)
{
    public const string Help = """
          --checkpoint DIR|FILE    a run directory (or its checkpoint.crnn)
          --text FILE              UTF-8 text to read; its symbols must be in the model's vocabulary
          --layers all|1,2         layers to keep, numbered from 1 (all)
          --kinds all|cell,hidden  values to keep: cell, tanh_cell, hidden, input_gate, forget_gate,
                                   output_gate, candidate_gate (LSTM); hidden, reset_gate, update_gate,
                                   new_gate (GRU); hidden (RNN) (all)
          --streams N              read the text as N parallel streams (128); 1 = one exact pass, slower
          --warm-up N              characters each stream reads before its piece, then discards (300)
          --threads N              libtorch threads (0 = all cores)
        """;

    public static RecordingArguments Read(ArgReader args)
    {
        string checkpoint = args.Required("checkpoint");
        string text = args.Required("text");
        int threads = args.Int("threads", 0, 1024) ?? 0;
        var options = new RecordingOptions
        {
            Streams = args.Int("streams", 1, 4096) ?? 128,
            WarmUp = args.Int("warm-up", 0, 100_000) ?? 300,
            Layers = ParseList(args.String("layers"), "layers", ParseLayer),
            Kinds = ParseList(args.String("kinds"), "kinds", ParseKind),
        };
        return new RecordingArguments(checkpoint, text, threads, options);
    }

    /// <summary>Reads the text (strict UTF-8), loads the weights and records, on a compute lane.</summary>
    public async Task<ActivationRecording> RecordAsync()
    {
        var weights = CheckpointFile.LoadWeights(Checkpoint);
        string text = ReadText(TextFile);
        using var lane = new ComputeLane(Threads);
        return await lane.Run(() => ActivationRecorder.Record(weights, text, Options));
    }

    /// <summary>A UTF-8 text file, strictly decoded; a missing, empty or undecodable file is refused by name.</summary>
    public static string ReadText(string path)
    {
        if (!File.Exists(path))
            throw new CharRnnException($"The text file '{path}' does not exist. Give a UTF-8 text file with --text.");
        try
        {
            string text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
            if (text.Length == 0) throw new CharRnnException($"The text file '{path}' is empty. Give a text to read.");
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new CharRnnException($"The text file '{path}' is not valid UTF-8. Save it as UTF-8 and try again.");
        }
    }

    private static IReadOnlyList<T>? ParseList<T>(string? value, string name, Func<string, T?> parse) where T : struct
    {
        if (value is null || value.Equals("all", StringComparison.OrdinalIgnoreCase)) return null;
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => parse(part) ?? throw new UsageException($"--{name}: '{part}' is not one of the accepted values (see below)."))
            .Distinct().ToList() is { Count: > 0 } list ? list : throw new UsageException($"--{name} needs at least one value.");
    }

    private static int? ParseLayer(string s) => int.TryParse(s, out int layer) && layer >= 1 ? layer - 1 : null;

    private static ActivationKind? ParseKind(string s) => ActivationKinds.TryParse(s, out var kind) ? kind : null;
}
