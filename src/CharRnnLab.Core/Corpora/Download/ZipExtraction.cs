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
            member.ExtractToFile(destination, overwrite: true);
        }
        catch (InvalidDataException ex)
        {
            throw new CorpusException($"The download of {entry.Name} is not a readable zip archive ({ex.Message}). It was discarded; try again later.", ex);
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
