namespace CharRnnLab.Core.Data;

/// <summary>
/// A training text, its vocabulary and the text encoded as symbol indices.
/// Built by <see cref="CorpusLoader"/>, which guarantees the text is non-empty, valid Unicode and
/// within the <see cref="CorpusLimits"/>.
/// </summary>
public sealed class Corpus
{
    internal Corpus(string name, string text, Vocabulary vocabulary, int[] encoded, string? sourcePath)
    {
        Name = name;
        Text = text;
        Vocabulary = vocabulary;
        Encoded = encoded;
        SourcePath = sourcePath;
    }

    /// <summary>Short name (the file name without extension, or the name given to <see cref="CorpusLoader.FromText"/>).</summary>
    public string Name { get; }
    public string Text { get; }
    public Vocabulary Vocabulary { get; }
    /// <summary>The text as vocabulary indices, one per Unicode scalar value.</summary>
    public int[] Encoded { get; }
    /// <summary>Length in symbols (Unicode scalar values), not UTF-16 chars.</summary>
    public int Length => Encoded.Length;
    /// <summary>Full path of the file it was read from, or null for in-memory text.</summary>
    public string? SourcePath { get; }

    /// <summary>Where this corpus came from, for messages: the file path or the name.</summary>
    internal string Describe() => SourcePath ?? $"corpus '{Name}'";
}
