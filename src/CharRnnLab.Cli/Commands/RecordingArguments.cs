using System.Text;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Compute;

namespace CharRnnLab.Cli.Commands;

/// <summary>
/// What `record` and `neurons` read (from <see cref="RecordingInputOptions"/>): which checkpoint reads which
/// text, on how many libtorch threads, and how.
/// </summary>
internal sealed record RecordingArguments(string Checkpoint, string TextFile, int Threads, RecordingOptions Options)
{
    /// <summary>Reads the text (strict UTF-8), loads the weights and records, on a compute lane.</summary>
    public async Task<ActivationRecording> RecordAsync()
    {
        var weights = CheckpointFile.LoadWeights(Checkpoint);
        string text = ReadText(TextFile);
        using var lane = new ComputeLane(Threads);
        return await lane.Run(() => ActivationRecorder.Record(weights, text, Options));
    }

    /// <summary>A UTF-8 text file, strictly decoded; a missing, empty or undecodable file is refused by name.</summary>
    public static string ReadText(string path, string option = "--text")
    {
        if (!File.Exists(path))
            throw new CharRnnException($"The text file '{path}' does not exist. Give a UTF-8 text file with {option}.");
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
}
