using System.Text;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Texts the user uploads, kept as &lt;name&gt;.txt in one folder. An upload is checked first
/// (not empty, within the size limit, valid UTF-8, no NUL byte), written to a temporary file and
/// only then moved under a fresh safe name, so a failed upload never touches existing corpora.
/// </summary>
public sealed class UploadStore(string directory, long maxBytes)
{
    /// <summary>Upload ids are this prefix plus the file's name without ".txt".</summary>
    public const string IdPrefix = "upload-";
    private readonly Lock _gate = new();

    public string Directory => directory;

    /// <summary>The stored uploads' paths in ordinal order.</summary>
    public IReadOnlyList<string> Files() => System.IO.Directory.Exists(directory)
        ? System.IO.Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal).ToList()
        : [];

    public static string IdOf(string path) => IdPrefix + Path.GetFileNameWithoutExtension(path);

    public string? PathOf(string id)
    {
        if (!id.StartsWith(IdPrefix, StringComparison.Ordinal) || !GeneratorConfig.IsSafeId(id)) return null;
        string path = Path.Combine(directory, id[IdPrefix.Length..] + ".txt");
        return File.Exists(path) ? path : null;
    }

    /// <summary>Validates and stores <paramref name="content"/>; returns the new file's path.</summary>
    public async Task<string> SaveAsync(string originalName, Stream content, CancellationToken cancellation = default)
    {
        byte[] bytes = WithoutByteOrderMark(await ReadLimitedAsync(originalName, content, cancellation));
        Validate(originalName, bytes);
        System.IO.Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellation);
            lock (_gate)
            {
                string target = UniquePath(SafeStem(originalName));
                File.Move(temp, target);
                return target;
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public void Delete(string id)
    {
        string path = PathOf(id) ?? throw new CorpusException($"There is no uploaded corpus '{id}' to delete.");
        File.Delete(path);
    }

    /// <summary>Rejects empty, binary or non-UTF-8 text, naming the byte offset of the first problem.</summary>
    public static void Validate(string name, byte[] bytes)
    {
        if (bytes.Length == 0) throw new CorpusException($"The upload {name} is empty. Choose a text file with some text in it.");
        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
            throw new CorpusException($"The upload {name} contains a NUL byte at byte offset {nul}: it looks like a binary file. Upload a plain UTF-8 text file.");
        try
        {
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CorpusException($"The upload {name} is not valid UTF-8 at byte offset {ex.Index}. Save it as UTF-8 text and upload it again.", ex);
        }
    }

    private static byte[] WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;

    private async Task<byte[]> ReadLimitedAsync(string name, Stream content, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
                throw new CorpusException(
                    $"The upload {name} is larger than the limit of {Download.DownloadProgress.FormatBytes(maxBytes)}. Upload a smaller text.");
        }
        return buffer.ToArray();
    }

    /// <summary>"My Novel (v2).txt" → "my-novel-v2": lower-case letters, digits and single dashes.</summary>
    internal static string SafeStem(string originalName)
    {
        var stem = new StringBuilder();
        foreach (char c in Path.GetFileNameWithoutExtension(Path.GetFileName(originalName.Replace('\\', '/'))).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') stem.Append(c);
            else if (stem.Length > 0 && stem[^1] != '-') stem.Append('-');
        }
        string result = stem.ToString().Trim('-');
        if (result.Length > 40) result = result[..40].TrimEnd('-');
        return result.Length == 0 ? "text" : result;
    }

    private string UniquePath(string stem)
    {
        string path = Path.Combine(directory, stem + ".txt");
        for (int i = 2; File.Exists(path); i++) path = Path.Combine(directory, $"{stem}-{i}.txt");
        return path;
    }
}
