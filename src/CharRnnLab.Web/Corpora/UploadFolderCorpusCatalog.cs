using System.Text;
using CharRnnLab.Core;
using CharRnnLab.Core.Data;
using CharRnnLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Corpora;

/// <summary>
/// Corpora uploaded through the lab, one UTF-8 file each in DATA/corpora/uploads. Uploads are
/// written to a temporary file, validated by <see cref="CorpusLoader"/>, then moved into place,
/// so a failed upload never touches what is already there.
/// </summary>
public sealed class UploadFolderCorpusCatalog : ICorpusCatalog
{
    private const string IdPrefix = "upload:";
    private readonly string _folder;
    private readonly long _maxBytes;

    public UploadFolderCorpusCatalog(IOptions<LabOptions> options)
    {
        _folder = Path.Combine(options.Value.CorporaDirectory, "uploads");
        _maxBytes = options.Value.MaxUploadBytes;
        Directory.CreateDirectory(_folder);
    }

    public IReadOnlyList<CorpusInfo> List() =>
        Directory.EnumerateFiles(_folder, "*.txt").Order(StringComparer.OrdinalIgnoreCase).Select(Describe).ToList();

    public Corpus Load(string id) => CorpusLoader.LoadFile(PathOf(id));

    public CorpusPreview Preview(string id, int maxChars = 4096)
    {
        var corpus = Load(id);
        var head = corpus.Text.Length <= maxChars ? corpus.Text : corpus.Text[..maxChars];
        return new CorpusPreview(Describe(PathOf(id)), head, new FileInfo(PathOf(id)).Length, corpus.Length, corpus.Vocabulary.Count);
    }

    public async Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var name = SafeName(fileName);
        var target = Path.Combine(_folder, name + ".txt");
        if (File.Exists(target))
            throw new CorpusException($"A corpus named '{name}' already exists. Delete it first, or rename your file.");

        var incoming = Path.Combine(_folder, $".incoming-{Guid.NewGuid():N}");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, name + ".txt");
        try
        {
            await CopyLimitedAsync(content, temporary, fileName, cancellationToken);
            try { CorpusLoader.LoadFile(temporary, new CorpusLimits(MaxBytes: _maxBytes)); }
            catch (CorpusException ex) { throw new CorpusException(ex.Message.Replace(temporary, fileName), ex); }
            File.Move(temporary, target);
            return Describe(target);
        }
        finally
        {
            Directory.Delete(incoming, recursive: true);
        }
    }

    public void Delete(string id) => File.Delete(PathOf(id));

    public Task<CorpusInfo> DownloadAsync(string id, IProgress<double> progress, CancellationToken cancellationToken) =>
        throw new CorpusException($"'{id}' is an uploaded corpus; there is nothing to download.");

    private async Task CopyLimitedAsync(Stream content, string path, string fileName, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > _maxBytes)
                throw new CorpusException(
                    $"{fileName} is larger than the upload limit of {_maxBytes:N0} bytes. " +
                    "Use a smaller file, or raise Lab:MaxUploadBytes.");
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private string PathOf(string id)
    {
        if (!id.StartsWith(IdPrefix, StringComparison.Ordinal))
            throw new CorpusException($"There is no corpus '{id}'. Pick one from the Corpora page.");
        var path = Path.Combine(_folder, SafeName(id[IdPrefix.Length..]) + ".txt");
        if (!File.Exists(path))
            throw new CorpusException($"The corpus '{id[IdPrefix.Length..]}' is gone (was it deleted?). Pick another one on the Corpora page.");
        return path;
    }

    private static CorpusInfo Describe(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return new CorpusInfo(IdPrefix + name, name, CorpusOrigin.Uploaded, "Uploaded text", true, new FileInfo(path).Length, CanDelete: true);
    }

    /// <summary>A file name reduced to letters, digits, '-', '_' and '.', so it is safe as a path.</summary>
    private static string SafeName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var safe = new StringBuilder();
        foreach (var c in stem) safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var result = safe.ToString().Trim('.');
        if (result.Length == 0) throw new CorpusException($"'{fileName}' is not a usable file name. Rename the file and upload it again.");
        return result.Length > 80 ? result[..80] : result;
    }
}
