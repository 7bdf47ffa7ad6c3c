using CharRnnLab.Core;

namespace CharRnnLab.Web;

/// <summary>A request the lab refuses (unknown run, busy slot, bad settings, a text too long to record, an unknown queue entry);
/// the message is shown as is. Thrown by the runs, queue, neurons and upload services alike, so it lives at the project's root,
/// as Core's <see cref="CharRnnException"/> does.</summary>
public sealed class LabException(string message) : CharRnnException(message);
