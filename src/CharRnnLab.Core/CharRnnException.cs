namespace CharRnnLab.Core;

/// <summary>
/// An error caused by the user's input (a file, an argument, a checkpoint), whose message is
/// complete and meant to be shown as is: what is wrong, where, and what to do about it.
/// Front ends print it without a stack trace; anything else is a bug.
/// </summary>
public class CharRnnException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A corpus file or text that cannot be trained on.</summary>
public sealed class CorpusException(string message, Exception? inner = null) : CharRnnException(message, inner);

/// <summary>A checkpoint that cannot be read, or does not fit the model/corpus it is used with.</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : CharRnnException(message, inner);

/// <summary>A configuration value out of range or inconsistent with another.</summary>
public sealed class ConfigException(string message) : CharRnnException(message);

/// <summary>Training stopped because the loss became NaN/infinite or exploded.</summary>
public sealed class DivergenceException(string message) : CharRnnException(message);
