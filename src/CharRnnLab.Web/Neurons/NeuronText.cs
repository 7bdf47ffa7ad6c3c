using CharRnnLab.Core.Corpora;
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
    /// <summary>A slice of another corpus starting at its validation split, chosen the same way as <see cref="Validation"/>.</summary>
    OtherCorpus,
}

/// <summary>What to record: the source and, depending on it, the length, the pasted text or the corpus.</summary>
/// <param name="Source">Where the text comes from.</param>
/// <param name="Length">Characters to take (validation slices) or generate (sample).</param>
/// <param name="Pasted">The text itself, for <see cref="NeuronTextSource.Pasted"/>.</param>
/// <param name="Exact">Record in one sequential pass instead of parallel streams (slower, bit-exact).</param>
/// <param name="CorpusId">The corpus whose validation slice to read, for <see cref="NeuronTextSource.OtherCorpus"/>
/// (an id from <see cref="ILabCorpora.List"/>).</param>
public sealed record NeuronTextRequest(NeuronTextSource Source = NeuronTextSource.Validation, int Length = NeuronTextRequest.DefaultLength,
    string? Pasted = null, bool Exact = false, string? CorpusId = null)
{
    public const int DefaultLength = 10_000, MaxLength = 50_000, MaxSampleLength = 5_000;
}

/// <summary>A text to record and a sentence saying where it came from.</summary>
public sealed record NeuronText(string Text, string Description);

/// <summary>
/// Finds the text for a <see cref="NeuronTextRequest"/>: the run corpus's validation split (the
/// same split the trainer holds out), another corpus's validation split, a sample from the run,
/// or pasted text; and refuses a text with symbols the model's vocabulary lacks, naming them.
/// </summary>
public sealed class NeuronTexts(ILabCorpora corpora, ISampleSource sampler)
{
    /// <summary>Temperature and seed of generated texts: typical, and the same text each time.</summary>
    public const double SampleTemperature = 0.8;
    public const int SampleSeed = 42;

    /// <summary>How many of a text's symbols the model lacks an error message names; it counts the rest.</summary>
    public const int NamedUnknownSymbols = 5;

    /// <summary>Corpora whose text can be read now: every one in the catalogue that needs no download first.</summary>
    public IReadOnlyList<CorpusInfo> ReadableCorpora() => corpora.List().Where(c => c.Available).ToList();

    /// <summary>The text to record for <paramref name="request"/>, checked against the model's <paramref name="vocabulary"/>.</summary>
    public async Task<NeuronText> ResolveAsync(RunSummary run, NeuronTextRequest request, Vocabulary vocabulary, CancellationToken cancel)
    {
        if (request.Source != NeuronTextSource.Pasted && request.Length is < 1 or > NeuronTextRequest.MaxLength)
            throw new LabException($"The text length must be between 1 and {NeuronTextRequest.MaxLength:N0} characters (got {request.Length:N0}).");
        return request.Source switch
        {
            NeuronTextSource.Validation => await Task.Run(() => OwnCorpus(run, request.Length, vocabulary), cancel),
            NeuronTextSource.OtherCorpus => await Task.Run(() => OtherCorpus(request.CorpusId, request.Length, vocabulary), cancel),
            NeuronTextSource.Sample => await SampleAsync(run, request.Length, cancel),
            _ => Checked(Pasted(request.Pasted), vocabulary, "the pasted text", "Paste text written in the characters of the run's corpus."),
        };
    }

    private NeuronText OwnCorpus(RunSummary run, int length, Vocabulary vocabulary)
    {
        var corpus = corpora.Load(run.CorpusId);
        return Checked(ValidationSlice(corpus, corpus.Name, length), vocabulary, $"{corpus.Name}'s validation slice",
            "The corpus has changed since the run trained on it; choose a sample from the model or paste text.");
    }

    private NeuronText OtherCorpus(string? id, int length, Vocabulary vocabulary)
    {
        if (string.IsNullOrEmpty(id)) throw new LabException("Choose the corpus whose validation slice to read.");
        var info = corpora.List().FirstOrDefault(c => c.Id == id) ?? throw new LabException(
            $"There is no corpus '{id}' in the lab's catalogue. Choose one from the list; the Corpora page shows them all.");
        if (!info.Available)
            throw new LabException($"{info.Name} is not on this machine yet: download it on the Corpora page first, or choose another corpus.");
        return Checked(ValidationSlice(corpora.Load(id), info.Name, length), vocabulary, $"{info.Name}'s validation slice",
            "Choose a corpus written in the same characters, or paste text.");
    }

    private static NeuronText ValidationSlice(Corpus corpus, string name, int length)
    {
        var (start, validationStart) = SliceStart(corpus.Length, length, new TrainingConfig().ValidationFraction);
        int count = Math.Min(length, corpus.Length - start);
        string text = corpus.Vocabulary.Decode(corpus.Encoded.Skip(start).Take(count));
        string where = start == validationStart
            ? $"{count:N0} characters of {name}'s validation split (from character {start:N0}), which the model never trained on"
            : $"the last {count:N0} characters of {name}: its {corpus.Length - validationStart:N0}-character validation split " +
              $"and {validationStart - start:N0} training characters before it";
        return new NeuronText(text, where);
    }

    /// <summary>The text if the model knows all its symbols, else an error naming a few of the others and what to do.</summary>
    private static NeuronText Checked(NeuronText text, Vocabulary vocabulary, string subject, string remedy)
    {
        var unknown = vocabulary.UnknownSymbols(text.Text);
        if (unknown.Count == 0) return text;
        int more = unknown.Count - NamedUnknownSymbols;
        string named = string.Join(", ", unknown.Take(NamedUnknownSymbols).Select(Vocabulary.Describe)) + (more > 0 ? $" and {more:N0} more" : "");
        throw new LabException($"The model knows {vocabulary.Count:N0} symbols; {subject} has {unknown.Count:N0} it does not: {named}. {remedy}");
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
