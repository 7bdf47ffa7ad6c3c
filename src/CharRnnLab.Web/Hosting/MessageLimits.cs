using CharRnnLab.Web.Neurons;

namespace CharRnnLab.Web.Hosting;

/// <summary>
/// How much one message from a browser or hub client may carry, set on purpose so that the limits
/// the pages state are the ones that hold: a text field hands over up to <see cref="MaxFieldChars"/>,
/// and both SignalR endpoints (Blazor's circuit and /hubs/training) accept that text at its worst
/// encoding. A paste over the page's limit therefore arrives and is refused with its length; it is
/// never dropped by a transport limit (SignalR's default, 32 KB, cut a 20,000-character paste).
/// </summary>
public static class MessageLimits
{
    /// <summary>The textarea's maxlength: ten times the Neurons paste limit (<see cref="NeuronTextRequest.MaxLength"/>).</summary>
    public const int MaxFieldChars = 10 * NeuronTextRequest.MaxLength;

    /// <summary>UTF-8 bytes a UTF-16 char can take once JSON-escaped: a control character becomes \u00XX.</summary>
    public const int WorstBytesPerChar = 6;

    /// <summary>Room for the rest of a message: the event descriptor, SignalR's framing, other arguments.</summary>
    public const int EnvelopeBytes = 64 * 1024;

    /// <summary>SignalR's MaximumReceiveMessageSize for the circuit and the hub (≈ 2.9 MiB).</summary>
    public const long MaxReceiveBytes = (long)MaxFieldChars * WorstBytesPerChar + EnvelopeBytes;
}
