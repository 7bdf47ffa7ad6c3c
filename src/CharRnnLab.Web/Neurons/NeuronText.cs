using CharRnnLab.Core.Data;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Sampling;

namespace CharRnnLab.Web.Neurons;

/// <summary>Where the text the neurons read comes from.</summary>
public enum NeuronTextSource
{
    /// <summary>A slice of the run's corpus starting at its validation split (text the model did not train on).</summary>
    Validation,
    /// <summary>Text the model samples itself.</summary>
    Sample,
    /// <summary>Text the user pastes.</summary>
    Pasted,
}

/// <summary>What to record: the source and, depending on it, the length or the pasted text.</summary>
/// <param name="Source">Where the text comes from.</param>
/// <param name="Length">Characters to take (validation slice) or generate (sample).</param>
/// <param name="Pasted">The text itself, for <see cref="NeuronTextSource.Pasted"/>.</param>
/// <param name="Exact">Record in one sequential pass instead of parallel streams (slower, bit-exact).</param>
public sealed record NeuronTextRequest(NeuronTextSource Source = NeuronTextSource.Validation, int Length = NeuronTextRequest.DefaultLength,
    string? Pasted = null, bool Exact = false)
{
    public const int DefaultLength = 10_000, MaxLength = 50_000, MaxSampleLength = 5_000;
}

/// <summary>A text to record and a sentence saying where it came from.</summary>
public sealed record NeuronText(string Text, string Description);

/// <summary>
/// Finds the text for a <see cref="NeuronTextRequest"/>: the run corpus's validation split (the
/// same split the trainer holds out), a sample from the run, or pasted text.
/// </summary>
public sealed class NeuronTexts(ICorpusCatalog corpora, ISampleSource sampler)
{
    /// <summary>Temperature and seed of generated texts: typical, and the same text each time.</summary>
    public const double SampleTemperature = 0.8;
    public const int SampleSeed = 42;

    public async Task<NeuronText> ResolveAsync(RunSummary run, NeuronTextRequest request, CancellationToken cancel)
    {
        if (request.Source != NeuronTextSource.Pasted && request.Length is < 1 or > NeuronTextRequest.MaxLength)
            throw new LabException($"The text length must be between 1 and {NeuronTextRequest.MaxLength:N0} characters (got {request.Length:N0}).");
        return request.Source switch
        {
            NeuronTextSource.Validation => await Task.Run(() => ValidationSlice(run, request.Length), cancel),
            NeuronTextSource.Sample => await SampleAsync(run, request.Length, cancel),
            _ => Pasted(request.Pasted),
        };
    }

    private NeuronText ValidationSlice(RunSummary run, int length)
    {
        var corpus = corpora.Load(run.Settings.CorpusId);
        var (start, validationStart) = SliceStart(corpus.Length, length, new TrainingConfig().ValidationFraction);
        int count = Math.Min(length, corpus.Length - start);
        string text = corpus.Vocabulary.Decode(corpus.Encoded.Skip(start).Take(count));
        string where = start == validationStart
            ? $"{count:N0} characters of {corpus.Name}'s validation split (from character {start:N0}), which the model never trained on"
            : $"the last {count:N0} characters of {corpus.Name}: its {corpus.Length - validationStart:N0}-character validation split " +
              $"and {validationStart - start:N0} training characters before it";
        return new NeuronText(text, where);
    }

    /// <summary>Where a slice of <paramref name="length"/> symbols starts: at the validation split if it
    /// is long enough, else early enough to end with the corpus. Also returns the split's start.</summary>
    public static (int Start, int ValidationStart) SliceStart(int corpusLength, int length, double validationFraction)
    {
        int validationStart = corpusLength - (int)Math.Floor(corpusLength * validationFraction);
        int start = corpusLength - validationStart >= length ? validationStart : Math.Max(0, corpusLength - length);
        return (start, validationStart);
    }

    private async Task<NeuronText> SampleAsync(RunSummary run, int length, CancellationToken cancel)
    {
        int count = Math.Min(length, NeuronTextRequest.MaxSampleLength);
        var sample = await sampler.SampleAsync(run.Id, SampleTemperature, prime: null, count, SampleSeed, cancel);
        return new NeuronText(sample.Text,
            $"{count:N0} characters the model sampled at iteration {sample.Iteration:N0} (temperature {SampleTemperature}, seed {SampleSeed})");
    }

    private static NeuronText Pasted(string? text)
    {
        if (string.IsNullOrEmpty(text)) throw new LabException("Paste a text to record first.");
        text = text.ReplaceLineEndings("\n"); // a textarea may hand over \r\n, which no corpus here contains
        int symbols = text.EnumerateRunes().Count();
        if (symbols > NeuronTextRequest.MaxLength)
            throw new LabException($"The pasted text has {symbols:N0} characters; paste at most {NeuronTextRequest.MaxLength:N0}.");
        return new NeuronText(text, $"{symbols:N0} pasted characters");
    }
}
