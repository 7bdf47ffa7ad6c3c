using System.IO.Compression;

namespace CharRnnLab.Core.Corpora.Download;

/// <summary>Unpacks the one member of a downloaded zip that a catalogue entry asks for.</summary>
internal static class ZipExtraction
{
    public static void ExtractTo(CatalogEntry entry, string zipPath, string destination)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var member = Pick(entry, zip);
            Extract(entry, member, destination);
        }
        catch (InvalidDataException ex)
        {
            throw new CorpusException($"The download of {entry.Name} is not a readable zip archive ({ex.Message}). It was discarded; try again later.", ex);
        }
    }

    /// <summary>Inflates through a counted copy: the zip header's size is the sender's claim, not a limit.</summary>
    private static void Extract(CatalogEntry entry, ZipArchiveEntry member, string destination)
    {
        long cap = DownloadLimits.MaxBytes(entry), written = 0;
        if (member.Length > cap) throw DownloadLimits.TooLarge(entry, "The unzipped text");
        using var input = member.Open();
        using var output = new FileStream(destination, FileMode.Create, FileAccess.Write);
        var buffer = new byte[81_920];
        int n;
        while ((n = input.Read(buffer)) > 0)
        {
            written += n;
            if (written > cap) throw DownloadLimits.TooLarge(entry, "The unzipped text");
            output.Write(buffer, 0, n);
        }
    }

    private static ZipArchiveEntry Pick(CatalogEntry entry, ZipArchive zip)
    {
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (entry.ArchiveEntry is { } wanted)
            return files.FirstOrDefault(e => e.FullName == wanted) ?? files.FirstOrDefault(e => e.Name == wanted)
                ?? throw new CorpusException($"The zip for {entry.Name} has no member '{wanted}' (it has: {Describe(files)}). Check archiveEntry in the catalogue.");
        return files.Count == 1 ? files[0]
            : throw new CorpusException($"The zip for {entry.Name} holds {files.Count} files ({Describe(files)}); set archiveEntry in the catalogue to pick one.");
    }

    private static string Describe(List<ZipArchiveEntry> files) =>
        files.Count == 0 ? "nothing" : string.Join(", ", files.Take(10).Select(f => f.FullName)) + (files.Count > 10 ? ", …" : "");
}
