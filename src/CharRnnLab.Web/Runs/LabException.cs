using CharRnnLab.Core;

namespace CharRnnLab.Web.Runs;

/// <summary>A request the lab refuses (unknown run, busy slot, bad settings); the message is shown as is.</summary>
public sealed class LabException(string message) : CharRnnException(message);
