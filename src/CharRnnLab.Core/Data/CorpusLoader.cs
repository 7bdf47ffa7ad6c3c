using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CharRnnLab.Core.Data;

/// <summary>
/// Reads a UTF-8 text file (or takes an in-memory text) and turns it into a <see cref="Corpus"/>.
/// Every refusal is a <see cref="CorpusException"/> saying what is wrong, where (path and byte
/// offset) and what to do.
/// </summary>
public static class CorpusLoader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Loads a UTF-8 text file; a leading byte-order mark is dropped.</summary>
    public static Corpus LoadFile(string path, CorpusLimits? limits = null)
    {
        limits ??= CorpusLimits.Default;
        string fullPath = Path.GetFullPath(path);
        byte[] bytes = ReadBytes(fullPath, limits);
        ReadOnlySpan<byte> content = bytes.AsSpan().StartsWith(Utf8Bom) ? bytes.AsSpan(Utf8Bom.Length) : bytes;
        int bomLength = bytes.Length - content.Length;

        int nul = content.IndexOf((byte)0);
        if (nul >= 0)
            throw new CorpusException(
                $"{fullPath} looks like a binary file: it has a NUL byte at byte offset {nul + bomLength}. " +
                "Train on a plain UTF-8 text file.");
        if (!Utf8.IsValid(content))
        {
            long offset = FirstInvalidUtf8Offset(content) + bomLength;
            throw new CorpusException(
                $"{fullPath} is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} does not start or continue " +
                "a UTF-8 character. Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`).");
        }
        string text = Encoding.UTF8.GetString(content);
        return Build(Path.GetFileNameWithoutExtension(fullPath), text, fullPath, limits);
    }

    /// <summary>Builds a corpus from text already in memory (a generated or uploaded text).</summary>
    public static Corpus FromText(string name, string text, CorpusLimits? limits = null)
    {
        limits ??= CorpusLimits.Default;
        ArgumentNullException.ThrowIfNull(text);
        string where = $"The text '{name}'";
        if (text.Length == 0)
            throw new CorpusException($"{where} is empty. Training needs a text of at least a few thousand characters.");
        long bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxBytes)
            throw new CorpusException(
                $"{where} is {bytes:N0} bytes of UTF-8; the limit is {limits.MaxBytes:N0} bytes. Use a shorter text.");
        int nul = text.IndexOf('\0');
        if (nul >= 0)
            throw new CorpusException(
                $"{where} contains a NUL character at byte offset {Encoding.UTF8.GetByteCount(text.AsSpan(0, nul))}; " +
                "it looks like binary data. Use plain text.");
        int broken = LoneSurrogateIndex(text);
        if (broken >= 0)
            throw new CorpusException(
                $"{where} has a broken character (an unpaired UTF-16 surrogate) at byte offset " +
                $"{Encoding.UTF8.GetByteCount(text.AsSpan(0, broken))}. Fix or remove that character.");
        return Build(name, text, null, limits);
    }

    private static Corpus Build(string name, string text, string? sourcePath, CorpusLimits limits)
    {
        string where = sourcePath ?? $"The text '{name}'";
        if (text.Length == 0)
            throw new CorpusException($"{where} has no text after its byte-order mark. Use a file with some text in it.");
        var vocabulary = Vocabulary.FromText(text);
        if (vocabulary.Count > limits.MaxVocabulary)
            throw new CorpusException(
                $"{where} has {vocabulary.Count:N0} distinct symbols; the limit is {limits.MaxVocabulary:N0}. " +
                "A char-RNN needs a small alphabet: check that this is the text you meant, or raise the vocabulary limit.");
        return new Corpus(name, text, vocabulary, vocabulary.Encode(text, "corpus"), sourcePath);
    }

    private static byte[] ReadBytes(string fullPath, CorpusLimits limits)
    {
        if (Directory.Exists(fullPath))
            throw new CorpusException($"{fullPath} is a directory, not a text file. Give the path of a UTF-8 text file.");
        if (!File.Exists(fullPath))
            throw new CorpusException($"Corpus file not found: {fullPath}. Check the path (it is relative to {Environment.CurrentDirectory}).");
        long size = new FileInfo(fullPath).Length;
        if (size == 0)
            throw new CorpusException($"{fullPath} is empty (0 bytes). Training needs a UTF-8 text of at least a few thousand characters.");
        if (size > limits.MaxBytes)
            throw new CorpusException(
                $"{fullPath} is {size:N0} bytes; the limit is {limits.MaxBytes:N0} bytes. Use a smaller file or raise the size limit.");
        try { return File.ReadAllBytes(fullPath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusException($"Cannot read {fullPath}: {ex.Message}", ex);
        }
    }

    /// <summary>Offset of the first byte that is not part of a well-formed UTF-8 sequence.</summary>
    private static long FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        long offset = 0;
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out _, out int consumed) != OperationStatus.Done) return offset;
            bytes = bytes[consumed..];
            offset += consumed;
        }
        return offset;
    }

    private static int LoneSurrogateIndex(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return i;
        }
        return -1;
    }
}
