using System.Globalization;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// The text a cell page reads: a request the Neurons page's sources understand, or a recording the
/// lab already holds (a pasted text has no shorter name than the recording made of it).
/// </summary>
/// <param name="Request">What to record (used when <paramref name="RecordingId"/> is null).</param>
/// <param name="RecordingId">A cached recording's id, or null.</param>
public sealed record CellTextChoice(NeuronTextRequest Request, string? RecordingId = null)
{
    /// <summary>The run's own validation slice, 10,000 characters: the default.</summary>
    public static CellTextChoice Default { get; } = new(new NeuronTextRequest());

    /// <summary>The choice that reopens what the Neurons page shows: by request, except pasted text, which goes by its recording.</summary>
    public static CellTextChoice Of(NeuronTextRequest request, string recordingId) =>
        request.Source == NeuronTextSource.Pasted ? new(new NeuronTextRequest(), recordingId) : new(request with { Pasted = null });
}

/// <summary>
/// The cell page's query, written once: <c>text=validation</c> (default), <c>text=sample</c>,
/// <c>text=corpus:ID</c> (another corpus's validation slice) or <c>text=recording:ID</c> (a recording the
/// lab holds), with <c>length=N</c> (characters; default 10,000) and <c>exact=true</c> (one exact pass).
/// </summary>
public static class CellTextQuery
{
    public const string Validation = "validation", Sample = "sample", CorpusPrefix = "corpus:", RecordingPrefix = "recording:";

    /// <summary>The query string (without "?") for <paramref name="choice"/>; empty for the default.</summary>
    public static string Format(CellTextChoice choice)
    {
        if (choice.RecordingId is { } id) return "text=" + Uri.EscapeDataString(RecordingPrefix + id);
        var request = choice.Request;
        var parts = new List<string>();
        string? source = request.Source switch
        {
            NeuronTextSource.Sample => Sample,
            NeuronTextSource.OtherCorpus => CorpusPrefix + request.CorpusId,
            _ => null,
        };
        if (source is not null) parts.Add("text=" + Uri.EscapeDataString(source));
        if (request.Length != NeuronTextRequest.DefaultLength) parts.Add($"length={request.Length.ToString(CultureInfo.InvariantCulture)}");
        if (request.Exact) parts.Add("exact=true");
        return string.Join("&", parts);
    }

    /// <summary>Reads the query's values (null = absent); a value it does not know is refused, saying what it takes.</summary>
    public static CellTextChoice Parse(string? text, int? length, bool? exact)
    {
        var request = new NeuronTextRequest(Length: length ?? NeuronTextRequest.DefaultLength, Exact: exact ?? false);
        if (string.IsNullOrEmpty(text) || text == Validation) return new(request);
        if (text == Sample) return new(request with { Source = NeuronTextSource.Sample });
        if (text.StartsWith(CorpusPrefix, StringComparison.Ordinal) && text.Length > CorpusPrefix.Length)
            return new(request with { Source = NeuronTextSource.OtherCorpus, CorpusId = text[CorpusPrefix.Length..] });
        if (text.StartsWith(RecordingPrefix, StringComparison.Ordinal) && text.Length > RecordingPrefix.Length)
            return new(request, text[RecordingPrefix.Length..]);
        throw new LabException($"The address asks for text '{text}', which a cell page does not know. Use text={Validation} (the run's validation slice, the default), " +
            $"text={Sample}, text={CorpusPrefix}ID (another corpus's validation slice) or text={RecordingPrefix}ID (a recording from the Neurons page).");
    }
}
