namespace CharRnnLab.Core.Corpora.Building;

/// <summary>One file to write into a corpus: its '/'-separated path and a way to read its bytes.</summary>
internal sealed record BuildMember(string Path, Func<Stream> Open);
