namespace CharRnnLab.Core.Data;

/// <summary>
/// Sanity limits for a corpus. A vocabulary of thousands of symbols usually means the input is
/// not the kind of text a char-RNN should learn (a binary, a CJK dump); the byte cap keeps a
/// mistaken path from filling memory.
/// </summary>
/// <param name="MaxVocabulary">Most distinct symbols allowed.</param>
/// <param name="MaxBytes">Largest file size accepted, in bytes.</param>
public sealed record CorpusLimits(int MaxVocabulary = 2000, long MaxBytes = 512L * 1024 * 1024)
{
    public static CorpusLimits Default { get; } = new();
}
